// Service accounts: other systems (the district's campaign office pulls progress) read with an API key, within
// the scopes the office gave them (access-policy.ts). A key is made of random bytes, shown once when the account
// is made or its key rotated, and kept only as its SHA-256: a copy of the database does not give the keys away.
// Every request with a key reads the account (a revoked or expired account is refused at once); `last_used_at`
// is written at most once a minute per account.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DomainError } from '../platform/errors/domain-error';
import type { CreateServiceAccountInput } from '../platform/graphql/graphql.generated';
import type { Actor } from '../../workflows/shared/actor.types';
import { isScope, type Caller, type Scope } from './access-policy';
import { ServiceAccountRepository, type ServiceAccountRow } from './service-account.repository';

/** Keys start with this, so that a leaked one is recognisable (secret scanners, logs). */
export const API_KEY_PREFIX = 'cwk_';
const KEY_PATTERN = /^cwk_[A-Za-z0-9_-]{43}$/;
const NAME_MAX = 60;
const DESCRIPTION_MAX = 500;
const USE_RECORD_MS = 60_000;

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

function newKey(): { key: string; hash: string; prefix: string } {
  const key = `${API_KEY_PREFIX}${randomBytes(32).toString('base64url')}`;
  return { key, hash: sha256(key), prefix: key.slice(0, 12) };
}

function view(row: ServiceAccountRow, now = new Date()) {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    scopes: row.scopes.filter(isScope),
    keyPrefix: row.key_prefix,
    createdBy: row.created_by,
    createdAt: row.created_at,
    keyRotatedAt: row.key_rotated_at,
    expiresAt: row.expires_at,
    revokedAt: row.revoked_at,
    lastUsedAt: row.last_used_at,
    active: row.revoked_at === null && (row.expires_at === null || row.expires_at > now),
  };
}

/** The caller an API key stands for, or UNAUTHENTICATED. Used by AuthService for every request with a key. */
export async function callerOfApiKey(accounts: ServiceAccountRepository, key: string, now = new Date()): Promise<Caller> {
  if (!KEY_PATTERN.test(key)) throw new DomainError('UNAUTHENTICATED', 'API 密钥格式不正确');
  const row = await accounts.byKeyHash(sha256(key));
  if (!row) throw new DomainError('UNAUTHENTICATED', 'API 密钥无效');
  if (row.revoked_at) throw new DomainError('UNAUTHENTICATED', `服务账号「${row.name}」已停用`);
  if (row.expires_at && row.expires_at <= now) throw new DomainError('UNAUTHENTICATED', `服务账号「${row.name}」已过期`);
  if (!row.last_used_at || now.getTime() - row.last_used_at.getTime() >= USE_RECORD_MS) {
    await accounts.recordUse(row.id, now);
  }
  return {
    userId: `service:${row.id}`,
    displayName: `服务账号：${row.name}`,
    // What a service account may read is decided by its scopes (authorise); what it sees of what it reads is
    // the leading group's view: every unit.
    role: 'LEADER',
    unitCode: null,
    service: { accountId: row.id, name: row.name, scopes: row.scopes.filter(isScope) as Scope[] },
  };
}

@Injectable()
export class ServiceAccountService {
  constructor(private readonly accounts: ServiceAccountRepository) {}

  async list() {
    const rows = await this.accounts.list();
    return rows.map((row) => view(row));
  }

  async create(actor: Actor, input: CreateServiceAccountInput) {
    const name = String(input.name ?? '').trim();
    if (name === '' || name.length > NAME_MAX) throw new DomainError('BAD_USER_INPUT', `名称须为 1 到 ${NAME_MAX} 个字符`, 'input.name');
    const description = input.description?.trim() || null;
    if (description && description.length > DESCRIPTION_MAX) throw new DomainError('BAD_USER_INPUT', `用途说明最多 ${DESCRIPTION_MAX} 个字符`, 'input.description');
    const scopes = [...new Set(input.scopes ?? [])];
    if (scopes.length === 0 || !scopes.every(isScope)) throw new DomainError('BAD_USER_INPUT', '请至少选择一项权限范围', 'input.scopes');
    const expiresAt = input.expiresAt ? new Date(String(input.expiresAt)) : null;
    if (expiresAt && !(expiresAt.getTime() > Date.now())) throw new DomainError('BAD_USER_INPUT', '到期时间须晚于现在', 'input.expiresAt');
    const { key, hash, prefix } = newKey();
    const row = await this.accounts.create({ id: randomUUID(), name, description, scopes, keyHash: hash, keyPrefix: prefix, createdBy: actor.userId, expiresAt });
    if (!row) throw new DomainError('CONFLICT', `已有名为「${name}」的服务账号`, 'input.name');
    return { account: view(row), apiKey: key };
  }

  async rotate(id: string) {
    const { key, hash, prefix } = newKey();
    const row = await this.accounts.rotateKey(this.uuid(id), hash, prefix, new Date());
    if (!row) throw await this.missingOrRevoked(id);
    return { account: view(row), apiKey: key };
  }

  async revoke(actor: Actor, id: string) {
    const row = await this.accounts.revoke(this.uuid(id), actor.userId, new Date());
    if (!row) throw await this.missingOrRevoked(id);
    return view(row);
  }

  private uuid(id: string): string {
    if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(String(id))) throw new DomainError('NOT_FOUND', '服务账号不存在', 'id');
    return id;
  }

  private async missingOrRevoked(id: string): Promise<DomainError> {
    const name = await this.accounts.nameOf(id);
    return name !== undefined ? new DomainError('ILLEGAL_TRANSITION', `服务账号「${name}」已停用`, 'id') : new DomainError('NOT_FOUND', '服务账号不存在', 'id');
  }
}
