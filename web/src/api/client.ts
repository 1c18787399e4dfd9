// The board's only way to the API: GraphQL over HTTP with the signed-in person's access token, refreshed when it
// expires, and live changes over graphql-ws. Every refusal becomes an ApiError with the API's stable code and its
// Chinese message, so that screens show the API's own words.
import { createClient, type Client } from 'graphql-ws';

export interface Session {
  accessToken: string;
  accessTokenExpiresAt: string;
  refreshToken: string;
  refreshTokenExpiresAt: string;
}

export interface GraphQLErrorShape {
  message: string;
  path?: (string | number)[];
  extensions?: { code?: string; field?: string | null; requestId?: string };
}

export class ApiError extends Error {
  constructor(
    message: string,
    /** The API's code: FORBIDDEN, ILLEGAL_TRANSITION, CONFLICT, BAD_USER_INPUT, UNAUTHENTICATED, NETWORK… */
    readonly code: string,
    /** The input field at fault, for forms. */
    readonly field: string | null = null,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

// Where the tokens live (docs/deployment.md, "安全 / Security"): the access token (15 minutes, sent with every
// call) only in this module's memory; the refresh token in sessionStorage, so that a reload of this tab keeps the
// person signed in (a new access token is fetched with it) while closing the tab signs them out of this browser.
// A script injected into the page could read sessionStorage; the board's CSP (script-src 'self') is what keeps
// such scripts out, and the refresh token is rotated on each use and revoked at sign-out.
const STORAGE_KEY = 'chuangwen.refresh';
/** Before this version the whole session, access token included, was kept under this key. */
const LEGACY_STORAGE_KEY = 'chuangwen.session';
let current: Session | null = readStored();
const listeners = new Set<(session: Session | null) => void>();

type StoredRefresh = Pick<Session, 'refreshToken' | 'refreshTokenExpiresAt'>;

function readStored(): Session | null {
  try {
    const raw = sessionStorage.getItem(STORAGE_KEY) ?? sessionStorage.getItem(LEGACY_STORAGE_KEY);
    sessionStorage.removeItem(LEGACY_STORAGE_KEY);
    if (!raw) return null;
    const { refreshToken, refreshTokenExpiresAt } = JSON.parse(raw) as StoredRefresh;
    if (typeof refreshToken !== 'string' || !(Date.parse(refreshTokenExpiresAt) > Date.now())) return null;
    // No access token yet: the first call trades the refresh token for one.
    return { accessToken: '', accessTokenExpiresAt: new Date(0).toISOString(), refreshToken, refreshTokenExpiresAt };
  } catch {
    return null;
  }
}

export function currentSession(): Session | null {
  return current;
}

/** The person an access token names (its `sub` claim), to tell a refreshed session from another person's. */
function personOf(session: Session | null): string | null {
  const payload = session?.accessToken.split('.')[1];
  if (!payload) return null;
  try {
    const claims = JSON.parse(atob(payload.replace(/-/g, '+').replace(/_/g, '/'))) as { sub?: unknown };
    return typeof claims.sub === 'string' ? claims.sub : null;
  } catch {
    return null;
  }
}

export function setSession(session: Session | null): void {
  const samePerson = session !== null && current !== null && personOf(current) !== null && personOf(current) === personOf(session);
  current = session;
  if (session) {
    const stored: StoredRefresh = { refreshToken: session.refreshToken, refreshTokenExpiresAt: session.refreshTokenExpiresAt };
    sessionStorage.setItem(STORAGE_KEY, JSON.stringify(stored));
  } else sessionStorage.removeItem(STORAGE_KEY);
  for (const listener of listeners) listener(session);
  // Subscriptions identify the person when they connect: start them again as another person. A refreshed token of
  // the same person keeps the connection; the next one (after the server closes it at the old token's expiry) uses it.
  if (!samePerson) resetLive();
}

export function onSessionChange(listener: (session: Session | null) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

const REFRESH = `mutation Refresh($t: String!) { refreshSession(refreshToken: $t) { accessToken accessTokenExpiresAt refreshToken refreshTokenExpiresAt } }`;
let refreshing: Promise<boolean> | null = null;

/** Trades the refresh token for new tokens once, however many requests found the access token expired. */
function refresh(): Promise<boolean> {
  refreshing ??= (async () => {
    const session = current;
    if (!session) return false;
    try {
      const data = await post<{ refreshSession: Session }>(REFRESH, { t: session.refreshToken }, null);
      setSession(data.refreshSession);
      return true;
    } catch {
      setSession(null);
      return false;
    } finally {
      refreshing = null;
    }
  })();
  return refreshing;
}

async function post<T>(query: string, variables: Record<string, unknown>, token: string | null): Promise<T> {
  let res: Response;
  try {
    res = await fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
  } catch {
    throw new ApiError('无法连接服务器，请检查网络后重试', 'NETWORK');
  }
  let body: { data?: T | null; errors?: GraphQLErrorShape[] };
  try {
    body = (await res.json()) as typeof body;
  } catch {
    throw new ApiError(`服务器返回了无法识别的应答（HTTP ${res.status}）`, 'NETWORK');
  }
  const error = body.errors?.[0];
  if (error) throw new ApiError(error.message, error.extensions?.code ?? 'INTERNAL_SERVER_ERROR', error.extensions?.field ?? null);
  if (!body.data) throw new ApiError('服务器没有返回数据', 'INTERNAL_SERVER_ERROR');
  return body.data;
}

/** Runs a query or mutation as the signed-in person; an expired access token is refreshed once and the call retried. */
export async function gql<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  // After a reload only the refresh token is known.
  if (current && !current.accessToken && !(await refresh())) throw new ApiError('登录已过期，请重新登录', 'UNAUTHENTICATED');
  try {
    return await post<T>(query, variables, current?.accessToken ?? null);
  } catch (err) {
    if (err instanceof ApiError && err.code === 'UNAUTHENTICATED' && current && (await refresh())) {
      return post<T>(query, variables, current.accessToken);
    }
    if (err instanceof ApiError && err.code === 'UNAUTHENTICATED') setSession(null);
    throw err;
  }
}

/** What POST /files answers: the id an action names the file by. */
export interface UploadedFileId {
  id: string;
  name: string;
  size: number;
}

async function postFile(file: File, token: string | null): Promise<UploadedFileId> {
  let res: Response;
  try {
    // The file goes as it is, streamed by the browser: no base64, and no JSON body to hold it.
    res = await fetch('/files', {
      method: 'POST',
      headers: { 'content-type': 'application/octet-stream', 'x-file-name': encodeURIComponent(file.name), ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: file,
    });
  } catch {
    throw new ApiError('无法连接服务器，请检查网络后重试', 'NETWORK');
  }
  let body: Partial<UploadedFileId> & { code?: string; message?: string; field?: string | null };
  try {
    body = (await res.json()) as typeof body;
  } catch {
    throw new ApiError(`服务器返回了无法识别的应答（HTTP ${res.status}）`, 'NETWORK');
  }
  if (!res.ok || !body.id) throw new ApiError(body.message ?? `上传失败（HTTP ${res.status}）`, body.code ?? 'INTERNAL_SERVER_ERROR', body.field ?? null);
  return body as UploadedFileId;
}

/** Uploads one file as the signed-in person (POST /files); an expired access token is refreshed once. */
export async function uploadFile(file: File): Promise<UploadedFileId> {
  try {
    return await postFile(file, current?.accessToken ?? null);
  } catch (err) {
    if (err instanceof ApiError && err.code === 'UNAUTHENTICATED' && current && (await refresh())) return postFile(file, current.accessToken);
    if (err instanceof ApiError && err.code === 'UNAUTHENTICATED') setSession(null);
    throw err;
  }
}

/** Sign-in needs no token. */
export function gqlAnonymous<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  return post<T>(query, variables, null);
}

let live: Client | null = null;

function resetLive(): void {
  const old = live;
  live = null;
  void old?.dispose();
}

function liveClient(): Client {
  live ??= createClient({
    url: `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/graphql`,
    lazy: true,
    // Read when each connection is made. The server closes a live connection when its token expires (4401), so a
    // reconnect first trades the refresh token for a fresh access token instead of offering the expired one.
    connectionParams: async () => {
      if (current && !(Date.parse(current.accessTokenExpiresAt) - Date.now() > 30_000)) await refresh();
      return current?.accessToken ? { authorization: `Bearer ${current.accessToken}` } : {};
    },
    retryAttempts: Infinity,
    shouldRetry: () => true,
    retryWait: async (retries) => new Promise((resolve) => setTimeout(resolve, Math.min(30_000, 1000 * 2 ** retries))),
  });
  return live;
}

/** Live results of a subscription until the returned function is called. */
export function subscribe<T>(query: string, variables: Record<string, unknown>, onData: (data: T) => void, onError?: (error: ApiError) => void): () => void {
  return liveClient().subscribe<T>(
    { query, variables },
    {
      next: (result) => {
        const error = (result.errors as GraphQLErrorShape[] | undefined)?.[0];
        if (error) onError?.(new ApiError(error.message, error.extensions?.code ?? 'INTERNAL_SERVER_ERROR'));
        else if (result.data) onData(result.data as T);
      },
      error: () => onError?.(new ApiError('实时连接中断，正在重连', 'NETWORK')),
      complete: () => undefined,
    },
  );
}
