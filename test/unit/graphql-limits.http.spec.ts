// Refusals before GraphQL (src/platform/errors/http-limits.ts) answer as coded JSON, and the error codes the API sends are
// the ones its schema documents.
import { isEnumType } from 'graphql';
import { ERROR_CODES } from '../../src/platform/errors/domain-error';
import { bodyErrorHandler, refuseBatches } from '../../src/platform/errors/http-limits';
import { loadSchema } from '../support/schema';

function fakeResponse() {
  const res = {
    headersSent: false,
    statusCode: 0,
    body: undefined as unknown,
    ended: false,
    status(code: number) {
      res.statusCode = code;
      return res;
    },
    json(body: unknown) {
      res.body = body;
      return res;
    },
    end() {
      res.ended = true;
      return res;
    },
  };
  return res;
}

/** What body-parser passes on (http-errors with a `type`). */
const parserError = (type: string, status: number) => Object.assign(new Error('request entity too large'), { type, status, statusCode: status });

describe('bodyErrorHandler', () => {
  const handler = bodyErrorHandler(3 * 1024 * 1024);

  it('answers a body over the limit with 413 PAYLOAD_TOO_LARGE and a Chinese message naming the limit', () => {
    const res = fakeResponse();
    const next = jest.fn();
    handler(parserError('entity.too.large', 413), {}, res, next);
    expect(next).not.toHaveBeenCalled();
    expect(res.statusCode).toBe(413);
    expect(res.body).toEqual({ errors: [{ message: expect.stringContaining('超过 3 MB 的上限'), extensions: { code: 'PAYLOAD_TOO_LARGE' } }] });
  });

  it.each<[string, number]>([
    ['entity.parse.failed', 400],
    ['request.size.invalid', 400],
    ['charset.unsupported', 415],
    ['encoding.unsupported', 415],
  ])('answers %s with %d BAD_USER_INPUT', (type, status) => {
    const res = fakeResponse();
    handler(parserError(type, status), {}, res, jest.fn());
    expect(res.statusCode).toBe(status);
    expect((res.body as { errors: { extensions: { code: string }; message: string }[] }).errors[0]).toMatchObject({
      extensions: { code: 'BAD_USER_INPUT' },
      message: expect.stringMatching(/[\u4e00-\u9fff]/),
    });
  });

  it('passes on errors that are not the parsers’, and anything after the answer has begun', () => {
    const next = jest.fn();
    const other = new Error('boom');
    handler(other, {}, fakeResponse(), next);
    expect(next).toHaveBeenCalledWith(other);
    const started = { ...fakeResponse(), headersSent: true };
    const tooLarge = parserError('entity.too.large', 413);
    handler(tooLarge, {}, started, next);
    expect(next).toHaveBeenLastCalledWith(tooLarge);
  });
});

describe('refuseBatches', () => {
  it('refuses an array of operations with 400 BAD_USER_INPUT', () => {
    const res = fakeResponse();
    const next = jest.fn();
    refuseBatches({ body: [{ query: '{ me { login } }' }, { query: '{ me { role } }' }] }, res, next);
    expect(next).not.toHaveBeenCalled();
    expect(res.statusCode).toBe(400);
    expect(res.body).toEqual({ errors: [{ message: '不支持批量请求：一个请求只能包含一个操作，请分开发送', extensions: { code: 'BAD_USER_INPUT' } }] });
  });

  it('lets one operation through', () => {
    const next = jest.fn();
    refuseBatches({ body: { query: '{ me { login } }' } }, fakeResponse(), next);
    expect(next).toHaveBeenCalledWith();
  });
});

describe('the ErrorCode enum of the schema', () => {
  it('lists exactly the codes the API sends (src/platform/errors/domain-error.ts)', () => {
    const type = loadSchema().getType('ErrorCode');
    expect(isEnumType(type)).toBe(true);
    const values = isEnumType(type) ? type.getValues().map((v) => v.name) : [];
    expect([...values].sort()).toEqual([...ERROR_CODES].sort());
  });
});
