// The limits' settings: validated like every other variable, with documented defaults.
import { ConfigError, defaultRequestMb, loadConfig } from '../../src/platform/config/config';
import { DEFAULT_QUERY_LIMITS } from '../../src/platform/errors/query-limits';

const MB = 1024 * 1024;

describe('limits in the configuration', () => {
  it('defaults to depth 12, cost 20,000, list size 10, and a body with room for one MAX_UPLOAD_MB file', () => {
    expect(loadConfig({}).limits).toEqual({ requestBytes: 28 * MB, query: { maxDepth: 12, maxCost: 20_000, listSize: 10 } });
    expect(loadConfig({}).limits.query).toEqual(DEFAULT_QUERY_LIMITS);
  });

  it('derives the default body limit from MAX_UPLOAD_MB, never below the 14 MB a 10 MB breakdown needs', () => {
    expect(defaultRequestMb(20)).toBe(28); // ceil(20 × 4/3) + 1
    expect(defaultRequestMb(1)).toBe(14);
    expect(defaultRequestMb(60)).toBe(81);
    expect(loadConfig({ MAX_UPLOAD_MB: '60' }).limits.requestBytes).toBe(81 * MB);
  });

  it('reads every limit from the environment', () => {
    const config = loadConfig({ MAX_REQUEST_MB: '3', MAX_QUERY_DEPTH: '8', MAX_QUERY_COST: '500', QUERY_LIST_SIZE: '20' });
    expect(config.limits).toEqual({ requestBytes: 3 * MB, query: { maxDepth: 8, maxCost: 500, listSize: 20 } });
  });

  it('treats a blank value as unset', () => {
    expect(loadConfig({ MAX_REQUEST_MB: ' ', MAX_QUERY_DEPTH: '' }).limits).toEqual(loadConfig({}).limits);
  });

  it.each([
    ['MAX_REQUEST_MB', '0'],
    ['MAX_REQUEST_MB', '2.5'],
    ['MAX_QUERY_DEPTH', '0'],
    ['MAX_QUERY_DEPTH', 'deep'],
    ['MAX_QUERY_COST', '-1'],
    ['QUERY_LIST_SIZE', '0'],
  ])('refuses %s=%s, naming the variable', (variable, value) => {
    let error: unknown;
    try {
      loadConfig({ [variable]: value });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems.map((p) => p.variable)).toEqual([variable]);
  });
});
