// @CurrentActor() hands a handler the caller AccessGuard resolved for its request, the same one in every field of
// that request (or subscription), and refuses where the guard resolved none instead of answering with nobody.
import 'reflect-metadata';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { ExecutionContextHost } from '@nestjs/core/helpers/execution-context-host';
import type { Caller } from '../../src/auth/access-policy';
import { CurrentActor, callerOf, rememberCaller } from '../../src/auth/current-actor.decorator';
import { projectRoot } from '../../src/platform/runtime/project-paths';

const person = (role: Caller['role'], unitCode: string | null = null): Caller => ({ userId: `user:${role}`, displayName: role, role, unitCode });

/** The function Nest calls for the decorated parameter. */
function factory(): (data: unknown, context: ExecutionContextHost) => Caller {
  class Probe {
    handler(@CurrentActor() _actor: Caller): void {}
  }
  const args = Reflect.getMetadata(ROUTE_ARGS_METADATA, Probe, 'handler') as Record<string, { factory: (data: unknown, context: ExecutionContextHost) => Caller }>;
  return Object.values(args)[0].factory;
}

const graphql = (ctx: object) => {
  const host = new ExecutionContextHost([{}, {}, ctx, {}]);
  host.setType('graphql');
  return host;
};
const http = (req: object) => new ExecutionContextHost([req, {}, () => undefined]);

describe('@CurrentActor()', () => {
  it('reads the caller the guard remembered on the GraphQL context', () => {
    const ctx = {};
    const office = person('OFFICE');
    rememberCaller(ctx, office);
    expect(factory()(undefined, graphql(ctx))).toBe(office);
  });

  it('reads the caller the guard remembered on the HTTP request', () => {
    const req = { headers: {} };
    const unit = person('UNIT_MEMBER', 'U1');
    rememberCaller(req, unit);
    expect(factory()(undefined, http(req))).toBe(unit);
  });

  it('keeps each request its own caller', () => {
    const [a, b] = [{}, {}];
    rememberCaller(a, person('OFFICE'));
    rememberCaller(b, person('UNIT_MEMBER', 'U2'));
    expect(callerOf(a).role).toBe('OFFICE');
    expect(callerOf(b)).toEqual(person('UNIT_MEMBER', 'U2'));
  });

  it('refuses as unauthenticated where the guard resolved nobody (a public root field, an unguarded route)', () => {
    expect(() => factory()(undefined, graphql({ actor: Promise.resolve(person('OFFICE')) }))).toThrow(expect.objectContaining({ code: 'UNAUTHENTICATED' }));
    expect(() => factory()(undefined, http({ headers: { 'x-demo-user': 'office' } }))).toThrow(expect.objectContaining({ code: 'UNAUTHENTICATED' }));
  });

  it('is the only way handlers learn the caller: no resolver or controller resolves it again', () => {
    const offenders: string[] = [];
    const walk = (dir: string): void => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const file = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(file);
        else if (/\.(resolver|controller)\.ts$/.test(entry.name) && /\bauth\.actor\(/.test(fs.readFileSync(file, 'utf8'))) offenders.push(path.relative(projectRoot(), file));
      }
    };
    walk(path.join(projectRoot(), 'src'));
    expect(offenders).toEqual([]);
  });
});
