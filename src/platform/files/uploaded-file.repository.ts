// The only place SQL about uploads lives: the uploads waiting for an action, an upload of its sender's, and the
// marking and removal of uploads (upload.service.ts says when).
import { Inject, Injectable } from '@nestjs/common';
import { DATABASE } from '../core/app.tokens';
import type { Db } from '../database/database';

export interface NewUpload {
  id: string;
  uploadedBy: string;
  name: string;
  sha256: string;
  size: number;
  mimeType: string;
}

@Injectable()
export class UploadedFileRepository {
  constructor(@Inject(DATABASE) private readonly db: Db) {}

  /** How many of the person's uploads no action has used yet. */
  async waitingCount(userId: string): Promise<number> {
    const waiting = await this.db
      .selectFrom('uploaded_files')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('uploaded_by', '=', userId)
      .where('used_at', 'is', null)
      .executeTakeFirstOrThrow();
    return Number(waiting.n);
  }

  async insert(upload: NewUpload): Promise<void> {
    await this.db
      .insertInto('uploaded_files')
      .values({ id: upload.id, uploaded_by: upload.uploadedBy, name: upload.name, sha256: upload.sha256, size: upload.size, mime_type: upload.mimeType })
      .execute();
  }

  /** The upload `fileId` if `userId` sent it. */
  findOwn(fileId: string, userId: string) {
    return this.db.selectFrom('uploaded_files').selectAll().where('id', '=', fileId).where('uploaded_by', '=', userId).executeTakeFirst();
  }

  /** Notes the first use of an upload by an action. */
  async markUsed(id: string, now: Date): Promise<void> {
    await this.db.updateTable('uploaded_files').set({ used_at: now }).where('id', '=', id).where('used_at', 'is', null).execute();
  }

  /** Deletes the uploads sent before `before`; answers their ids. */
  async deleteOlderThan(before: Date): Promise<string[]> {
    const old = await this.db.deleteFrom('uploaded_files').where('uploaded_at', '<', before).returning('id').execute();
    return old.map((row) => row.id);
  }
}
