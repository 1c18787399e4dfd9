// Evidence files live outside the database, named by the SHA-256 of their content: the same photo uploaded
// twice is stored once, and a stored file can never change under its name. At scale FILE_STORE_DIR is a
// volume every API instance mounts.
import { createHash, randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { DomainError } from '../errors/domain-error';

/** What may be uploaded, by extension, with the first bytes each kind of file starts with. */
const ALLOWED: Record<string, { mimeType: string; magic: number[] | null }> = {
  '.jpg': { mimeType: 'image/jpeg', magic: [0xff, 0xd8, 0xff] },
  '.jpeg': { mimeType: 'image/jpeg', magic: [0xff, 0xd8, 0xff] },
  '.png': { mimeType: 'image/png', magic: [0x89, 0x50, 0x4e, 0x47] },
  '.webp': { mimeType: 'image/webp', magic: [0x52, 0x49, 0x46, 0x46] },
  '.pdf': { mimeType: 'application/pdf', magic: [0x25, 0x50, 0x44, 0x46] },
  '.docx': { mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', magic: [0x50, 0x4b, 0x03, 0x04] },
  '.xlsx': { mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', magic: [0x50, 0x4b, 0x03, 0x04] },
};

export interface StoredFile {
  sha256: string;
  name: string;
  size: number;
  mimeType: string;
}

export class FileStore {
  constructor(
    private readonly dir: string,
    readonly maxBytes: number,
  ) {}

  private pathOf(sha256: string): string {
    return path.join(this.dir, sha256.slice(0, 2), sha256);
  }

  /** Checks type and size, then stores the content (atomically: a reader never sees half a file). */
  async put(name: string, content: Buffer): Promise<StoredFile> {
    const kind = this.kindOf(name);
    if (content.byteLength === 0) throw new DomainError('BAD_USER_INPUT', '文件是空的', 'file');
    if (content.byteLength > this.maxBytes) throw this.tooLarge('BAD_USER_INPUT');
    if (kind.magic && !kind.magic.every((byte, i) => content[i] === byte)) throw this.notOfKind(name);
    const sha256 = createHash('sha256').update(content).digest('hex');
    const target = this.pathOf(sha256);
    if (!fs.existsSync(target)) {
      await fs.promises.mkdir(path.dirname(target), { recursive: true });
      const temp = `${target}.${randomBytes(6).toString('hex')}.tmp`;
      await fs.promises.writeFile(temp, content);
      await fs.promises.rename(temp, target);
    }
    return { sha256, name: path.basename(name), size: content.byteLength, mimeType: kind.mimeType };
  }

  private incomingPath(id: string): string {
    return path.join(this.dir, 'incoming', id);
  }

  /**
   * Stores an upload as it streams in (POST /files), under its upload id in the incoming folder until an action
   * uses it: hashed while written to a temporary file, its first bytes checked against its extension, and
   * refused with PAYLOAD_TOO_LARGE the moment it passes the limit, having held no more than one chunk.
   */
  async putIncoming(id: string, name: string, body: AsyncIterable<Buffer>): Promise<StoredFile> {
    const kind = this.kindOf(name);
    const target = this.incomingPath(id);
    await fs.promises.mkdir(path.dirname(target), { recursive: true });
    const temp = `${target}.${randomBytes(6).toString('hex')}.tmp`;
    const file = await fs.promises.open(temp, 'wx', 0o600);
    const hash = createHash('sha256');
    let size = 0;
    let head = Buffer.alloc(0);
    try {
      for await (const chunk of body) {
        size += chunk.byteLength;
        if (size > this.maxBytes) throw this.tooLarge('PAYLOAD_TOO_LARGE');
        if (head.byteLength < 8) {
          head = Buffer.concat([head, chunk.subarray(0, 8)]);
          if (kind.magic && head.byteLength >= kind.magic.length && !kind.magic.every((byte, i) => head[i] === byte)) throw this.notOfKind(name);
        }
        hash.update(chunk);
        await file.write(chunk);
      }
      if (size === 0) throw new DomainError('BAD_USER_INPUT', '文件是空的', 'file');
      if (kind.magic && !kind.magic.every((byte, i) => head[i] === byte)) throw this.notOfKind(name);
      await file.close();
      await fs.promises.rename(temp, target);
    } catch (error) {
      await file.close().catch(() => undefined);
      await fs.promises.rm(temp, { force: true });
      throw error;
    }
    return { sha256: hash.digest('hex'), name: path.basename(name), size, mimeType: kind.mimeType };
  }

  /** Moves an upload from the incoming folder into the store under its SHA-256 (the same content is kept once). */
  async adoptIncoming(id: string, sha256: string): Promise<void> {
    const from = this.incomingPath(id);
    const to = this.pathOf(sha256);
    if (fs.existsSync(to)) {
      await fs.promises.rm(from, { force: true });
      return;
    }
    await fs.promises.mkdir(path.dirname(to), { recursive: true });
    await fs.promises.rename(from, to).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT') throw error;
    });
  }

  /** Forgets an upload no action used. */
  async removeIncoming(id: string): Promise<void> {
    await fs.promises.rm(this.incomingPath(id), { force: true });
  }

  private kindOf(name: string): (typeof ALLOWED)[string] {
    const extension = path.extname(name).toLowerCase();
    const kind = ALLOWED[extension];
    if (!kind) {
      throw new DomainError('BAD_USER_INPUT', `不支持的文件类型「${extension || name}」。可上传照片（jpg、png、webp）、PDF、Word（docx）或 Excel（xlsx）`, 'fileName');
    }
    return kind;
  }

  private tooLarge(code: 'BAD_USER_INPUT' | 'PAYLOAD_TOO_LARGE'): DomainError {
    return new DomainError(code, `文件超过 ${Math.round(this.maxBytes / 1024 / 1024)} MB 的上限`, 'file');
  }

  private notOfKind(name: string): DomainError {
    return new DomainError('BAD_USER_INPUT', `文件内容与扩展名「${path.extname(name).toLowerCase()}」不符`, 'file');
  }

  /** The file's bytes, or null when the store does not hold it. */
  async get(sha256: string): Promise<Buffer | null> {
    if (!/^[0-9a-f]{64}$/.test(sha256)) return null;
    try {
      return await fs.promises.readFile(this.pathOf(sha256));
    } catch {
      return null;
    }
  }

  /**
   * Stores content the system writes (an archive package) as it streams in, of any size up to `limitBytes`:
   * hashed while written to a temporary file, then renamed under its SHA-256. Holds no more than one chunk.
   */
  async putStream(name: string, mimeType: string, body: NodeJS.ReadableStream, limitBytes = Number.MAX_SAFE_INTEGER): Promise<StoredFile> {
    const incoming = path.join(this.dir, 'incoming');
    await fs.promises.mkdir(incoming, { recursive: true });
    const temp = path.join(incoming, `stream-${randomBytes(8).toString('hex')}.tmp`);
    const hash = createHash('sha256');
    let size = 0;
    const counting = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        size += chunk.byteLength;
        if (size > limitBytes) return done(new DomainError('PAYLOAD_TOO_LARGE', `文件超过 ${Math.round(limitBytes / 1024 / 1024)} MB 的上限`, 'file'));
        hash.update(chunk);
        done(null, chunk);
      },
    });
    try {
      await pipeline(body, counting, fs.createWriteStream(temp, { flags: 'wx', mode: 0o600 }));
      const sha256 = hash.digest('hex');
      const target = this.pathOf(sha256);
      await fs.promises.mkdir(path.dirname(target), { recursive: true });
      if (fs.existsSync(target)) await fs.promises.rm(temp, { force: true });
      else await fs.promises.rename(temp, target);
      return { sha256, name: path.basename(name), size, mimeType };
    } catch (error) {
      await fs.promises.rm(temp, { force: true });
      throw error;
    }
  }

  /** The size of a stored file, or null when the store does not hold it. */
  async sizeOf(sha256: string): Promise<number | null> {
    if (!/^[0-9a-f]{64}$/.test(sha256)) return null;
    try {
      return (await fs.promises.stat(this.pathOf(sha256))).size;
    } catch {
      return null;
    }
  }

  /** A stream of a stored file's bytes (for large files: packages, downloads), or null when the store does not hold it. */
  async openRead(sha256: string): Promise<fs.ReadStream | null> {
    if ((await this.sizeOf(sha256)) === null) return null;
    return fs.createReadStream(this.pathOf(sha256));
  }

  /** A stored file described under `name` (its kind by extension), or null when the store does not hold it. */
  async describe(sha256: string, name: string): Promise<StoredFile | null> {
    const size = await this.sizeOf(sha256);
    if (size === null) return null;
    return { sha256, name: path.basename(name), size, mimeType: this.kindOf(name).mimeType };
  }
}
