// Who is calling. Until sign-in with passwords and tokens arrives (issue 5), the caller names a demo user
// in the `x-demo-user` header (or in the subscription's connection parameters). This is a development
// identity, not authentication: run the API only on a trusted network until then.
import { Inject, Injectable } from '@nestjs/common';
import { DATABASE } from '../app/app.tokens';
import type { Db } from '../database/database';
import { DomainError } from '../errors/domain-error';
import type { Actor, Role } from '../../workflows/indicator-task/indicator-task.types';

export const IDENTITY_HEADER = 'x-demo-user';

export interface GraphQLContext {
  req?: { headers: Record<string, string | string[] | undefined> };
  connectionParams?: Record<string, unknown>;
  /** Resolved once per request. */
  actor?: Promise<Actor>;
}

@Injectable()
export class AuthService {
  constructor(@Inject(DATABASE) private readonly db: Db) {}

  /** The caller of this request; UNAUTHENTICATED when there is none or the user is unknown. */
  actor(context: GraphQLContext): Promise<Actor> {
    context.actor ??= this.resolve(context);
    return context.actor;
  }

  private async resolve(context: GraphQLContext): Promise<Actor> {
    const header = context.req?.headers?.[IDENTITY_HEADER];
    const login = (Array.isArray(header) ? header[0] : header) ?? context.connectionParams?.[IDENTITY_HEADER];
    if (typeof login !== 'string' || login.trim() === '') {
      throw new DomainError('UNAUTHENTICATED', `请先选择登录用户（请求头 ${IDENTITY_HEADER}）`);
    }
    const user = await this.db
      .selectFrom('users')
      .select(['id', 'login', 'display_name', 'role', 'unit_code'])
      .where('login', '=', login.trim())
      .executeTakeFirst();
    if (!user) throw new DomainError('UNAUTHENTICATED', `用户「${login}」不存在`);
    return { userId: user.id, displayName: user.display_name, role: user.role as Role, unitCode: user.unit_code };
  }

  async profile(actor: Actor) {
    const user = await this.db
      .selectFrom('users')
      .leftJoin('units', 'units.code', 'users.unit_code')
      .select(['users.id', 'users.login', 'users.display_name', 'users.role', 'units.code as unit_code', 'units.name as unit_name', 'units.kind as unit_kind'])
      .where('users.id', '=', actor.userId)
      .executeTakeFirstOrThrow();
    return {
      id: user.id,
      login: user.login,
      displayName: user.display_name,
      role: user.role,
      unit: user.unit_code ? { code: user.unit_code, name: user.unit_name, kind: user.unit_kind } : null,
    };
  }
}

/** Units see their own cards (as responsible or lead unit); everyone else sees the whole campaign. */
export function isUnitRole(role: Role): boolean {
  return role === 'UNIT_MEMBER' || role === 'UNIT_HEAD';
}
