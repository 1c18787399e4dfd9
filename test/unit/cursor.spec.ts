// The list cursors (src/platform/graphql/cursor.ts): opaque base64url of JSON holding the ordering and the last row's sort
// values; what one ordering made, another refuses; anything malformed is BAD_USER_INPUT on `after`, never a
// database error; `first` is 1 to 200, 50 by default.
import { Kysely, PostgresAdapter, PostgresIntrospector, PostgresQueryCompiler, DummyDriver, type CompiledQuery } from 'kysely';
import { DomainError } from '../../src/platform/errors/domain-error';
import { afterSql, sortValuesSql } from '../../src/platform/database/keyset';
import { decodeCursor, encodeCursor, pageSize, type Ordering } from '../../src/platform/graphql/cursor';
import { TASK_ORDERINGS } from '../../src/indicator-task/task-list';
import { ITEM_ORDERINGS } from '../../src/rectification-item/item-list';

const BY_DUE: Ordering = { name: 'test/DUE', direction: 'asc', keys: [{ sql: 'due_at', type: 'timestamptz' }, { sql: 'id collate "C"', type: 'text' }] };
const BY_RANK: Ordering = { name: 'test/RANK', direction: 'desc', keys: [{ sql: 'rank', type: 'int' }, { sql: 'id', type: 'text' }] };

function refusal(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (err) {
    if (err instanceof DomainError) return err;
    throw err;
  }
  throw new Error('expected a refusal');
}

const raw = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('list cursors', () => {
  it('round-trips the sort values, microseconds and infinity included, as an opaque base64url string', () => {
    const values = ['2027-03-31T15:59:59.123456+00:00', 'indicator-task:c:A1:WTSQ'];
    const cursor = encodeCursor(BY_DUE, values);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(cursor, BY_DUE)).toEqual(values);
    expect(decodeCursor(encodeCursor(BY_DUE, ['infinity', 'x']), BY_DUE)).toEqual(['infinity', 'x']);
    expect(decodeCursor(encodeCursor(BY_DUE, ['2027-03-31T23:59:59+08:00', '外滩']), BY_DUE)).toEqual(['2027-03-31T23:59:59+08:00', '外滩']);
    expect(decodeCursor(encodeCursor(BY_RANK, [3, 'a']), BY_RANK)).toEqual([3, 'a']);
  });

  it('refuses a cursor made for another ordering, or for the other list', () => {
    const err = refusal(() => decodeCursor(encodeCursor(BY_DUE, ['2027-03-31T15:59:59+00:00', 'a']), BY_RANK));
    expect(err).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
    expect(err.message).toMatch(/^分页游标无效/);
    expect(err.message).toContain('另一种排序');
    // Both lists have a DUE_AT_ASC and an UPDATED_AT_DESC, with sort values of the same shape: still refused.
    const taskCursor = encodeCursor(TASK_ORDERINGS.DUE_AT_ASC, ['2027-03-31T15:59:59+00:00', 'indicator-task:c:A1:WTSQ']);
    expect(refusal(() => decodeCursor(taskCursor, ITEM_ORDERINGS.DUE_AT_ASC))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
    const itemCursor = encodeCursor(ITEM_ORDERINGS.UPDATED_AT_DESC, ['2027-03-31T15:59:59+00:00', 'rectification-item:c:1']);
    expect(refusal(() => decodeCursor(itemCursor, TASK_ORDERINGS.UPDATED_AT_DESC))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });

  it.each([
    ['empty', ''],
    ['not base64url', 'abc+/='],
    ['not JSON', Buffer.from('{nope').toString('base64url')],
    ['JSON but not an object', raw([1, 2])],
    ['no ordering', raw({ k: ['2027-03-31T15:59:59+00:00', 'a'] })],
    ['no values', raw({ o: 'test/DUE' })],
    ['too few values', raw({ o: 'test/DUE', k: ['2027-03-31T15:59:59+00:00'] })],
    ['too many values', raw({ o: 'test/DUE', k: ['2027-03-31T15:59:59+00:00', 'a', 'b'] })],
    ['a null sort value', raw({ o: 'test/DUE', k: [null, 'a'] })],
    ['a number for a timestamp', raw({ o: 'test/DUE', k: [1806508799, 'a'] })],
    ['a date without a time', raw({ o: 'test/DUE', k: ['2027-03-31', 'a'] })],
    ['a day that does not exist', raw({ o: 'test/DUE', k: ['2027-02-30T00:00:00+00:00', 'a'] })],
    ['an hour that does not exist', raw({ o: 'test/DUE', k: ['2027-03-31T24:00:00+00:00', 'a'] })],
    ['SQL for a timestamp', raw({ o: 'test/DUE', k: ["2027-03-31T00:00:00Z'; drop table events; --", 'a'] })],
    ['a number for an id', raw({ o: 'test/DUE', k: ['2027-03-31T15:59:59+00:00', 7] })],
    ['a NUL in an id', raw({ o: 'test/DUE', k: ['2027-03-31T15:59:59+00:00', 'a\u0000b'] })],
    ['an overlong id', raw({ o: 'test/DUE', k: ['2027-03-31T15:59:59+00:00', 'x'.repeat(1001)] })],
    ['an overlong cursor', 'A'.repeat(4001)],
  ])('refuses a malformed cursor (%s) with BAD_USER_INPUT on after', (_what, cursor) => {
    const err = refusal(() => decodeCursor(cursor, BY_DUE));
    expect(err).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
    expect(err.message).toMatch(/^分页游标无效/);
  });

  it('refuses a rank that is not a small integer', () => {
    for (const rank of [1.5, '3', 2 ** 40]) {
      expect(refusal(() => decodeCursor(raw({ o: 'test/RANK', k: [rank, 'a'] }), BY_RANK))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
    }
  });

  it('takes first from 1 to 200, 50 when it is not given', () => {
    expect(pageSize(undefined)).toBe(50);
    expect(pageSize(null)).toBe(50);
    expect(pageSize(1)).toBe(1);
    expect(pageSize(200)).toBe(200);
    for (const bad of [0, -1, 201, 1.5]) {
      const err = refusal(() => pageSize(bad));
      expect(err).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
      expect(err.message).toMatch(/[\u4e00-\u9fa5]/);
    }
  });

  it('continues after a row with one row comparison, the values bound as parameters of the keys’ types', () => {
    const db = new Kysely<{ t: { due_at: Date; id: string; rank: number } }>({
      dialect: { createAdapter: () => new PostgresAdapter(), createDriver: () => new DummyDriver(), createIntrospector: (k) => new PostgresIntrospector(k), createQueryCompiler: () => new PostgresQueryCompiler() },
    });
    const compile = (ordering: Ordering, values: (string | number)[]): CompiledQuery =>
      db.selectFrom('t').select(sortValuesSql(ordering).as('k')).where(afterSql(ordering, values)).compile();
    const asc = compile(BY_DUE, ['2027-03-31T15:59:59.123456+00:00', "x'y"]);
    expect(asc.sql).toBe('select jsonb_build_array(due_at, id collate "C") as "k" from "t" where (due_at, id collate "C") > ($1::timestamptz, $2::text)');
    expect(asc.parameters).toEqual(['2027-03-31T15:59:59.123456+00:00', "x'y"]);
    expect(compile(BY_RANK, [2, 'a']).sql).toContain('where (rank, id) < ($1::int, $2::text)');
  });
});
