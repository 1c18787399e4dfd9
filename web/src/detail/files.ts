// Stored files (evidence, archive materials, item photos) are served only to people who may see the card, so a
// plain <img src> or <a href> cannot fetch them: they are fetched with the access token into blob URLs.
import { ApiError, currentSession, gql } from '../api/client';
import { ME } from '../api/documents';

async function fetchWithToken(url: string): Promise<Response> {
  const token = currentSession()?.accessToken;
  try {
    return await fetch(url, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  } catch {
    throw new ApiError('无法连接服务器，请检查网络后重试', 'NETWORK');
  }
}

/** The file's content; an expired access token is refreshed (through any API call) and the download tried again. */
export async function fetchFile(url: string): Promise<Blob> {
  let res = await fetchWithToken(url);
  if (res.status === 401) {
    await gql(ME); // refreshes the session when the access token has expired, or signs out when it cannot
    res = await fetchWithToken(url);
  }
  if (!res.ok) {
    const body = (await res.json().catch(() => null)) as { code?: string; message?: string } | null;
    throw new ApiError(body?.message ?? `文件下载失败（HTTP ${res.status}）`, body?.code ?? 'NETWORK');
  }
  return res.blob();
}

/** Hands the file to the browser as a download under its own name. */
export async function downloadFile(url: string, name: string): Promise<void> {
  const blobUrl = URL.createObjectURL(await fetchFile(url));
  const a = document.createElement('a');
  a.href = blobUrl;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(blobUrl), 30_000);
}

export type FileState = { status: 'loading' } | { status: 'ready'; url: string } | { status: 'error'; message: string };
