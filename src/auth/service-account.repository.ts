// The only place SQL about service accounts lives: an account by the SHA-256 of its key, the list, and the writes
// that make an account, give it a new key, stop it and note when it was last used.
import { Inject, Injectable } from '@nestjs/common';
import { DATABASE } from '../platform/core/app.tokens';
import type { Db } from '../platform/database/database';

export interface ServiceAccountRow {
  id: string;
  name: string;
  description: string | null;
  scopes: string[];
  key_prefix: string;
  created_by: string;
  created_at: Date;
  key_rotated_at: Date | null;
  expires_at: Date | null;
  revoked_at: Date | null;
  last_used_at: Date | null;
}

const COLUMNS = ['id', 'name', 'description', 'scopes', 'key_prefix', 'created_by', 'created_at', 'key_rotated_at', 'expires_at', 'revoked_at', 'last_used_at'] as const;

export interface NewServiceAccount {
  id: string;
  name: string;
  description: string | null;
  scopes: string[];
  keyHash: string;
  keyPrefix: string;
  createdBy: string;
  expiresAt: Date | null;
}

@Injectable()
export class ServiceAccountRepository {
  constructor(@Inject(DATABASE) private readonly db: Db) {}

  byKeyHash(keyHash: string): Promise<ServiceAccountRow | undefined> {
    return this.db.selectFrom('service_accounts').select([...COLUMNS]).where('key_hash', '=', keyHash).executeTakeFirst();
  }

  async recordUse(id: string, now: Date): Promise<void> {
    await this.db.updateTable('service_accounts').set({ last_used_at: now }).where('id', '=', id).execute();
  }

  /** Every account, oldest first. */
  list(): Promise<ServiceAccountRow[]> {
    return this.db.selectFrom('service_accounts').select([...COLUMNS]).orderBy('created_at').orderBy('id').execute();
  }

  /** The new account, or undefined when the name is taken. */
  create(account: NewServiceAccount): Promise<ServiceAccountRow | undefined> {
    return this.db
      .insertInto('service_accounts')
      .values({
        id: account.id,
        name: account.name,
        description: account.description,
        scopes: account.scopes,
        key_hash: account.keyHash,
        key_prefix: account.keyPrefix,
        created_by: account.createdBy,
        expires_at: account.expiresAt,
      })
      .onConflict((oc) => oc.column('name').doNothing())
      .returning([...COLUMNS])
      .executeTakeFirst();
  }

  /** The account with its new key, or undefined when there is no such account or it is stopped. */
  rotateKey(id: string, keyHash: string, keyPrefix: string, now: Date): Promise<ServiceAccountRow | undefined> {
    return this.db
      .updateTable('service_accounts')
      .set({ key_hash: keyHash, key_prefix: keyPrefix, key_rotated_at: now })
      .where('id', '=', id)
      .where('revoked_at', 'is', null)
      .returning([...COLUMNS])
      .executeTakeFirst();
  }

  /** The stopped account, or undefined when there is no such account or it was stopped already. */
  revoke(id: string, revokedBy: string, now: Date): Promise<ServiceAccountRow | undefined> {
    return this.db
      .updateTable('service_accounts')
      .set({ revoked_at: now, revoked_by: revokedBy })
      .where('id', '=', id)
      .where('revoked_at', 'is', null)
      .returning([...COLUMNS])
      .executeTakeFirst();
  }

  async nameOf(id: string): Promise<string | undefined> {
    const row = await this.db.selectFrom('service_accounts').select('name').where('id', '=', id).executeTakeFirst();
    return row?.name;
  }
}
