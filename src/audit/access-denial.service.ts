// The record of denied attempts. Every FORBIDDEN and UNAUTHENTICATED answer of the API is written to
// `access_denials` with who asked (null when nobody was signed in), what (operation, field path, code, the
// Chinese message) and from where, in three places that between them see every answer, so no resolver has to
// remember to: queries and mutations over HTTP by an Apollo plugin (access-denial.plugin.ts), subscriptions by
// the graphql-ws server's onOperation hook (app.module.ts), and HTTP routes (file downloads) by the exception
// filter (src/platform/errors/domain-error.filter.ts). NOT_FOUND is not recorded: services answer NOT_FOUND both for what does not exist and for what
// the caller may not see, and the answer does not say which. Recording never changes the answer: a failure to
// write is logged, and the response waits for the write at most RECORD_WAIT_MS.
import { Injectable } from '@nestjs/common';
import { AuthService, type GraphQLContext } from '../auth/auth.service';
import { DomainError, type ErrorCode } from '../platform/errors/domain-error';
import { currentRequestId } from '../platform/errors/request-context';
import type { Caller } from '../auth/access-policy';
import { AccessDenialRepository } from './access-denial.repository';

/** The refusals that are recorded. */
export const RECORDED_CODES: ReadonlySet<ErrorCode> = new Set<ErrorCode>(['FORBIDDEN', 'UNAUTHENTICATED']);
/** One request asking for many refused fields (aliases, lists) writes one row naming at most this many paths. */
export const MAX_PATHS_PER_RECORD = 20;
const MAX_PATH_LENGTH = 500;
/** How long a refusal's answer waits for its record to be written. */
const RECORD_WAIT_MS = 2000;
const PAGE_SIZE = 50;
const MAX_PAGE_SIZE = 200;

/** The DomainError behind a GraphQL error when it is a recorded refusal, else null. */
export function recordedDenial(error: unknown): DomainError | null {
  const original = (error as { originalError?: unknown } | null)?.originalError ?? error;
  return original instanceof DomainError && RECORDED_CODES.has(original.code) ? original : null;
}

/** What the plugin knows of a request that encountered errors. */
export interface RefusedRequest {
  errors: readonly { path?: readonly (string | number)[]; originalError?: unknown }[];
  context: GraphQLContext;
  operationType: string | null;
  operationName: string | null;
}

interface HttpRequestLike {
  ip?: string;
  socket?: { remoteAddress?: string };
  requestId?: string;
  method?: string;
  originalUrl?: string;
  route?: { path?: string };
  headers?: Record<string, string | string[] | undefined>;
}

@Injectable()
export class AccessDenialService {
  constructor(
    private readonly repo: AccessDenialRepository,
    private readonly auth: AuthService,
  ) {}

  /** Records the request's refusals, if any. Never throws. */
  async recordRequest(request: RefusedRequest): Promise<void> {
    try {
      const denials = request.errors.flatMap((error) => {
        const denial = recordedDenial(error);
        return denial ? [{ path: error.path, denial }] : [];
      });
      if (denials.length === 0) return;
      const write = this.write(denials, request).catch((err: unknown) => {
        console.warn(`[audit] could not record ${denials.length} denied attempt(s): ${err instanceof Error ? err.message : String(err)}`);
      });
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<void>((resolve) => {
        timer = setTimeout(resolve, RECORD_WAIT_MS);
        timer.unref();
      });
      await Promise.race([write, timeout]);
      clearTimeout(timer);
    } catch (err) {
      console.warn(`[audit] could not record denied attempts: ${err instanceof Error ? err.message : String(err)}`);
    }
  }

  /**
   * Records the refusal of an HTTP route (a file download), named by its method and route pattern, the path
   * being the URL asked for. Never throws.
   */
  async recordHttp(req: HttpRequestLike, denial: DomainError): Promise<void> {
    if (!RECORDED_CODES.has(denial.code)) return;
    const route = `${(req.method ?? 'GET').toUpperCase()} ${req.route?.path ?? '?'}`;
    await this.recordRequest({
      errors: [{ path: [String(req.originalUrl ?? '').slice(0, 500)], originalError: denial }],
      context: { req: req as GraphQLContext['req'] },
      operationType: 'http',
      operationName: route,
    });
  }

  /** One row for the request: the first refusal's code and message, and the paths of all of them. */
  private async write(denials: { path?: readonly (string | number)[]; denial: DomainError }[], request: RefusedRequest): Promise<void> {
    const actor = await this.caller(request.context);
    const http = request.context.req as HttpRequestLike | undefined;
    const paths = [...new Set(denials.map(({ path }) => (path && path.length > 0 ? path.join('.') : '')).filter((p) => p !== ''))];
    let path = paths.slice(0, MAX_PATHS_PER_RECORD).join(', ');
    if (paths.length > MAX_PATHS_PER_RECORD) path += ` …（共 ${paths.length} 处）`;
    const first = denials[0].denial;
    await this.repo.insert({
      userId: actor?.userId ?? null,
      // A service account reads with a role's view, but is recorded as what it is.
      role: actor?.service ? 'SERVICE' : (actor?.role ?? null),
      unitCode: actor?.unitCode ?? null,
      operationType: request.operationType,
      operationName: request.operationName,
      path: path === '' ? null : path.slice(0, MAX_PATH_LENGTH),
      code: first.code,
      message: first.message,
      ip: http?.ip ?? http?.socket?.remoteAddress ?? null,
      requestId: http?.requestId ?? currentRequestId(),
    });
  }

  /** Who made the request, or null when nobody could be identified. */
  private async caller(context: GraphQLContext): Promise<Caller | null> {
    try {
      return await this.auth.actor(context);
    } catch {
      return null;
    }
  }

  /** `accessDenials`: the office and the leading group read the record, newest first. */
  async page(args: { first?: number | null; after?: string | null; since?: string | null }) {
    const first = args.first ?? PAGE_SIZE;
    if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) {
      throw new DomainError('BAD_USER_INPUT', `每页条数须在 1 到 ${MAX_PAGE_SIZE} 之间`, 'first');
    }
    const after = args.after ?? null;
    if (after !== null && !/^[1-9]\d{0,17}$/.test(after)) throw new DomainError('BAD_USER_INPUT', '分页游标无效', 'after');
    const since = args.since ? new Date(args.since) : null;
    const rows = await this.repo.page(first + 1, after, since);
    const nodes = rows.slice(0, first).map((row) => ({
      id: row.id,
      at: row.occurred_at,
      userId: row.user_id,
      login: row.login,
      // Service accounts read with a role's view but are not one: their refusals are marked by the account's name.
      role: row.role === 'SERVICE' ? null : row.role,
      serviceAccount: row.role === 'SERVICE' ? (row.service_account ?? row.user_id) : null,
      unitCode: row.unit_code,
      operationType: row.operation_type,
      operationName: row.operation_name,
      path: row.path,
      code: row.code,
      // A summary row stands for the unidentified refusals of one address and minute beyond those written one by one.
      message: row.anonymous_minute === null ? row.message : `${row.message}（此地址本分钟内另有 ${row.repeats} 次未登录的请求被拒，未逐条记录）`,
      ip: row.ip,
      requestId: row.request_id,
    }));
    return { nodes, endCursor: nodes.at(-1)?.id ?? null, hasNextPage: rows.length > first };
  }
}
