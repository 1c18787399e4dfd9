// Connections to Temporal for the API (client) and the worker (native connection), with TLS and API key
// options for a cluster or Temporal Cloud.
import * as fs from 'node:fs';
import { Client, Connection, type TLSConfig } from '@temporalio/client';
import { NativeConnection } from '@temporalio/worker';
import type { TemporalConnectionConfig } from '../config/config';
import { clientTracingInterceptors } from '../tracing/temporal-tracing';

function tlsOptions(config: TemporalConnectionConfig): TLSConfig | undefined {
  if (!config.tls) return undefined;
  const { certPath, keyPath, caPath, serverName } = config.tls;
  return {
    serverNameOverride: serverName ?? undefined,
    serverRootCACertificate: caPath ? fs.readFileSync(caPath) : undefined,
    clientCertPair: certPath && keyPath ? { crt: fs.readFileSync(certPath), key: fs.readFileSync(keyPath) } : undefined,
  };
}

export async function connectClient(config: TemporalConnectionConfig & { address: string }): Promise<Client> {
  const connection = await Connection.connect({
    address: config.address,
    tls: tlsOptions(config),
    apiKey: config.apiKey ?? undefined,
  });
  // When tracing is on, what the client sends (Updates, starts, signals) carries the caller's trace.
  return new Client({ connection, namespace: config.namespace, interceptors: await clientTracingInterceptors() });
}

export async function connectWorker(config: TemporalConnectionConfig & { address: string }): Promise<NativeConnection> {
  return NativeConnection.connect({
    address: config.address,
    tls: tlsOptions(config),
    apiKey: config.apiKey ?? undefined,
  });
}
