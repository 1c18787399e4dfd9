// Sending a stored file over HTTP with the API's identity and visibility rules: the caller's `read` decides
// whether the person may have it. A refusal is a DomainError, answered (and, when it is one, recorded as a denied
// attempt) by the exception filter (src/platform/errors/domain-error.filter.ts) with the HTTP status that matches it.
import { pipeline } from 'node:stream/promises';

export interface HttpResponse {
  setHeader(name: string, value: string): void;
  send(body: Buffer): void;
}

export async function sendDownload(res: HttpResponse, read: () => Promise<{ content: Buffer; name: string; mimeType: string }>): Promise<void> {
  const file = await read();
  res.setHeader('content-type', file.mimeType);
  res.setHeader('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.name)}`);
  res.setHeader('x-content-type-options', 'nosniff');
  res.send(file.content);
}

/** A response a large file is streamed into (an archive package): never held whole in memory. */
export interface StreamingResponse extends NodeJS.WritableStream {
  setHeader(name: string, value: string): void;
}

export async function sendStreamDownload(
  res: StreamingResponse,
  read: () => Promise<{ stream: NodeJS.ReadableStream; name: string; mimeType: string; size: number }>,
): Promise<void> {
  const file = await read();
  res.setHeader('content-type', file.mimeType);
  res.setHeader('content-length', String(file.size));
  res.setHeader('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.name)}`);
  res.setHeader('x-content-type-options', 'nosniff');
  await pipeline(file.stream, res);
}
