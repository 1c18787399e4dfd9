// Sending a stored file over HTTP with the API's identity and visibility rules: the caller's `read` decides
// whether the person may have it; a refusal is a coded JSON error with the HTTP status that matches it.
import { DomainError, type ErrorCode } from '../errors/domain-error';

export interface HttpRequest {
  headers: Record<string, string | string[] | undefined>;
}

export interface HttpResponse {
  status(code: number): HttpResponse;
  json(body: unknown): void;
  setHeader(name: string, value: string): void;
  send(body: Buffer): void;
}

const STATUS: Partial<Record<ErrorCode, number>> = { UNAUTHENTICATED: 401, FORBIDDEN: 403, NOT_FOUND: 404, BAD_USER_INPUT: 400 };

export async function sendDownload(res: HttpResponse, read: () => Promise<{ content: Buffer; name: string; mimeType: string }>): Promise<void> {
  try {
    const file = await read();
    res.setHeader('content-type', file.mimeType);
    res.setHeader('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.name)}`);
    res.setHeader('x-content-type-options', 'nosniff');
    res.send(file.content);
  } catch (err) {
    if (!(err instanceof DomainError)) throw err;
    res.status(STATUS[err.code] ?? 500).json({ code: err.code, message: err.message });
  }
}
