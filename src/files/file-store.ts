// Evidence files live outside the database, named by the SHA-256 of their content: the same photo uploaded
// twice is stored once, and a stored file can never change under its name. At scale FILE_STORE_DIR is a
// volume every API instance mounts.
import { createHash, randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
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
    private readonly maxBytes: number,
  ) {}

  private pathOf(sha256: string): string {
    return path.join(this.dir, sha256.slice(0, 2), sha256);
  }

  /** Checks type and size, then stores the content (atomically: a reader never sees half a file). */
  async put(name: string, content: Buffer): Promise<StoredFile> {
    const extension = path.extname(name).toLowerCase();
    const kind = ALLOWED[extension];
    if (!kind) {
      throw new DomainError('BAD_USER_INPUT', `不支持的文件类型「${extension || name}」。可上传照片（jpg、png、webp）、PDF、Word（docx）或 Excel（xlsx）`, 'fileName');
    }
    if (content.byteLength === 0) throw new DomainError('BAD_USER_INPUT', '文件是空的', 'file');
    if (content.byteLength > this.maxBytes) {
      throw new DomainError('BAD_USER_INPUT', `文件超过 ${Math.round(this.maxBytes / 1024 / 1024)} MB 的上限`, 'file');
    }
    if (kind.magic && !kind.magic.every((byte, i) => content[i] === byte)) {
      throw new DomainError('BAD_USER_INPUT', `文件内容与扩展名「${extension}」不符`, 'file');
    }
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

  /** The file's bytes, or null when the store does not hold it. */
  async get(sha256: string): Promise<Buffer | null> {
    if (!/^[0-9a-f]{64}$/.test(sha256)) return null;
    try {
      return await fs.promises.readFile(this.pathOf(sha256));
    } catch {
      return null;
    }
  }
}
