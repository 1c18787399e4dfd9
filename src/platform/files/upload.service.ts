// Files sent on their own (POST /files) before the action that uses them names them by id: the evidence of a
// task, an item's photos, an archive material. The body streams to the file store and stops at MAX_UPLOAD_MB;
// nothing is held whole in memory, and nothing needs base64. An upload may be used only by the person who sent
// it (an id seen by someone else, in a log or over a shoulder, is of no use to them), any number of times
// within UPLOAD_KEEP_HOURS (a retried action names it again); after that it is removed, used or not. Once an
// action has used it, its bytes live on in the store under their SHA-256, as base64 uploads' do.
import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { Caller } from '../../auth/access-policy';
import { DomainError } from '../errors/domain-error';
import { decodeBase64 } from './base64';
import { FileStore, type StoredFile } from './file-store';
import { UploadedFileRepository } from './uploaded-file.repository';

/** How long an upload waits for the action that uses it. */
export const UPLOAD_KEEP_HOURS = 24;
/** Uploads past their time are removed at most this often, by the next upload. */
const CLEANUP_EVERY_MS = 10 * 60 * 1000;
const MAX_NAME_CHARS = 255;
/** Uploads one person may have waiting for an action: with MAX_UPLOAD_MB, what one account can put on the disk. */
export const MAX_WAITING_UPLOADS = 100;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export interface Uploaded extends StoredFile {
  id: string;
}

@Injectable()
export class UploadService {
  private lastCleanup = 0;

  constructor(
    private readonly uploads: UploadedFileRepository,
    private readonly files: FileStore,
  ) {}

  /** The file name as the X-File-Name header carries it: percent-encoded UTF-8 (encodeURIComponent). */
  static fileName(header: string | string[] | undefined): string {
    const raw = Array.isArray(header) ? header[0] : header;
    let name: string;
    try {
      name = decodeURIComponent(raw ?? '').trim();
    } catch {
      throw new DomainError('BAD_USER_INPUT', '文件名（X-File-Name）须为 URL 编码的 UTF-8 文本', 'fileName');
    }
    if (name === '') throw new DomainError('BAD_USER_INPUT', '请在 X-File-Name 请求头中注明文件名', 'fileName');
    if (name.length > MAX_NAME_CHARS || [...name].some((c) => c.charCodeAt(0) < 0x20 || c === '/' || c === '\\')) throw new DomainError('BAD_USER_INPUT', `文件名须为不超过 ${MAX_NAME_CHARS} 个字符、不含斜杠和控制字符的文本`, 'fileName');
    return name;
  }

  /** Stores one upload of the caller's; a body declared larger than the limit is refused before it is read. */
  async receive(caller: Caller, name: string, declaredBytes: number | null, body: AsyncIterable<Buffer>): Promise<Uploaded> {
    if (declaredBytes !== null && declaredBytes > this.files.maxBytes) {
      throw new DomainError('PAYLOAD_TOO_LARGE', `文件超过 ${Math.round(this.files.maxBytes / 1024 / 1024)} MB 的上限`, 'file');
    }
    if ((await this.uploads.waitingCount(caller.userId)) >= MAX_WAITING_UPLOADS) {
      throw new DomainError('RATE_LIMITED', `您已有 ${MAX_WAITING_UPLOADS} 个上传的文件尚未用于任何操作，请先提交它们（或等待 ${UPLOAD_KEEP_HOURS} 小时后自动清理）再上传`, 'file');
    }
    const id = randomUUID();
    const stored = await this.files.putIncoming(id, name, body);
    await this.uploads.insert({ id, uploadedBy: caller.userId, name: stored.name, sha256: stored.sha256, size: stored.size, mimeType: stored.mimeType });
    if (Date.now() - this.lastCleanup > CLEANUP_EVERY_MS) {
      this.lastCleanup = Date.now();
      await this.cleanup();
    }
    return { id, ...stored };
  }

  /**
   * The content of an upload named by an action, moved into the store; BAD_USER_INPUT on `field` when there is
   * no such upload of the caller's (never sent, sent by someone else, or removed after UPLOAD_KEEP_HOURS).
   */
  async use(caller: Caller, fileId: string, field: string): Promise<{ name: string; content: Buffer }> {
    const gone = () => new DomainError('BAD_USER_INPUT', `找不到编号为「${fileId.slice(0, 40)}」的上传文件（可能已超过 ${UPLOAD_KEEP_HOURS} 小时被清理，或不是您上传的），请重新上传`, field);
    if (!UUID.test(fileId)) throw gone();
    const row = await this.uploads.findOwn(fileId, caller.userId);
    if (!row) throw gone();
    await this.files.adoptIncoming(row.id, row.sha256);
    const content = await this.files.get(row.sha256);
    if (!content) throw gone();
    await this.uploads.markUsed(row.id, new Date());
    return { name: row.name, content };
  }

  /**
   * The name and bytes of a file an action names: an upload of the caller's by `fileId`, or base64 content.
   * Exactly one of the two; refusals name `field`.
   */
  async contentOf(caller: Caller, input: FileInput, field: string): Promise<{ name: string; content: Buffer }> {
    const fileId = input.fileId?.trim() ?? '';
    const hasBase64 = input.contentBase64 !== null && input.contentBase64 !== undefined;
    if (fileId !== '' && hasBase64) throw new DomainError('BAD_USER_INPUT', '请只用一种方式提供文件：上传后的文件编号（fileId），或 Base64 内容（contentBase64）', field);
    if (fileId !== '') return this.use(caller, fileId, field);
    if (!hasBase64) throw new DomainError('BAD_USER_INPUT', '请先上传文件', field);
    return { name: input.fileName ?? '', content: decodeBase64(input.contentBase64!, field) };
  }

  /** Removes uploads older than UPLOAD_KEEP_HOURS at `now`; answers how many. */
  async cleanup(now = new Date()): Promise<number> {
    const before = new Date(now.getTime() - UPLOAD_KEEP_HOURS * 3600 * 1000);
    const old = await this.uploads.deleteOlderThan(before);
    for (const id of old) await this.files.removeIncoming(id);
    return old.length;
  }
}

/** A file as actions take it: an upload's id, or (kept for older clients) its name and base64 content. */
export interface FileInput {
  fileId?: string | null;
  fileName?: string | null;
  contentBase64?: string | null;
}
