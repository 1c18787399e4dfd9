// One GraphQL request as the board or the command-line tools send it: POST /graphql with the development identity
// header (a loopback address, as in every benchmark). Any error in the answer fails the benchmark.
import { createClient, type Client as WsClient } from 'graphql-ws';
import WebSocket from 'ws';
import { DEMO_PASSWORD } from '../../src/auth/passwords';

export async function gql<T>(baseUrl: string, login: string, query: string, variables: Record<string, unknown> = {}, timeoutMs = 120_000): Promise<T> {
  const res = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-demo-user': login },
    body: JSON.stringify({ query, variables }),
    signal: AbortSignal.timeout(timeoutMs),
  });
  const body = (await res.json()) as { data?: T | null; errors?: unknown[] };
  if (!res.ok || body.errors || !body.data) throw new Error(`GraphQL as ${login} failed (HTTP ${res.status}): ${JSON.stringify(body.errors ?? body).slice(0, 2000)}`);
  return body.data;
}

/** A person's access token (the demo password): what a graphql-ws client sends, as the demo header is refused there. */
export async function accessTokenOf(baseUrl: string, login: string): Promise<string> {
  const data = await gql<{ signIn: { accessToken: string } }>(baseUrl, login, 'mutation($i: SignInInput!) { signIn(input: $i) { accessToken } }', {
    i: { login, password: DEMO_PASSWORD },
  });
  return data.signIn.accessToken;
}

/** A graphql-ws client of the API at `baseUrl`, signed in with `token`; `ready` resolves once the server acknowledged it. */
export function wsClient(baseUrl: string, token: string): { client: WsClient; ready: Promise<void> } {
  let acknowledged!: () => void;
  const ready = new Promise<void>((resolve) => (acknowledged = resolve));
  const client = createClient({
    url: `${baseUrl.replace('http', 'ws')}/graphql`,
    webSocketImpl: WebSocket,
    connectionParams: { authorization: `Bearer ${token}` },
    on: { connected: () => acknowledged() },
  });
  return { client, ready };
}
