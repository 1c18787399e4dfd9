// Who may open the live connection: the handshake's Origin against the allowlist, and its Host (issue 14).
import { defaultOrigins } from '../../src/platform/config/config';
import { upgradeRefusal } from '../../src/platform/live/websocket-origin';

const allowed = defaultOrigins('127.0.0.1', 3000);
const deployed = ['https://cw.example.gov.cn', 'http://10.0.0.5:3000'];

describe('upgradeRefusal', () => {
  it.each([
    [{ host: '127.0.0.1:3000', origin: 'http://127.0.0.1:3000' }, allowed],
    [{ host: 'localhost:3000', origin: 'http://localhost:3000' }, allowed],
    [{ host: '[::1]:3000', origin: 'http://[::1]:3000' }, allowed],
    [{ host: 'LOCALHOST:3000', origin: 'HTTP://LocalHost:3000' }, allowed],
    [{ host: 'cw.example.gov.cn', origin: 'https://cw.example.gov.cn' }, deployed],
    [{ host: 'cw.example.gov.cn', origin: 'https://cw.example.gov.cn:443' }, deployed],
    // Not a browser: the CLI, an integration with an API key, curl.
    [{ host: '127.0.0.1:3000' }, allowed],
    [{ host: 'cw.example.gov.cn', origin: '' }, deployed],
  ])('lets %j in', (headers, origins) => {
    expect(upgradeRefusal(headers, origins)).toBeNull();
  });

  it.each([
    [{ host: '127.0.0.1:3000', origin: 'https://evil.example' }, 'origin not allowed: https://evil.example'],
    [{ host: '127.0.0.1:3000', origin: 'null' }, 'origin not allowed: null'],
    [{ host: '127.0.0.1:3000', origin: 'http://127.0.0.1:3001' }, 'origin not allowed'],
    [{ host: '127.0.0.1:3000', origin: 'https://127.0.0.1:3000' }, 'origin not allowed'],
    [{ host: '127.0.0.1:3000', origin: 'http://127.0.0.1.evil.example:3000' }, 'origin not allowed'],
    [{ host: '127.0.0.1:3000', origin: 'http://127.0.0.1:3000/' }, 'origin not allowed'],
    [{ host: '127.0.0.1:3000', origin: 'http://user@127.0.0.1:3000' }, 'origin not allowed'],
    [{ host: '127.0.0.1:3000', origin: 'file://' }, 'origin not allowed'],
    // An allowed page, but the name it reached this machine by is not ours: DNS rebinding.
    [{ host: 'evil.example:3000', origin: 'http://127.0.0.1:3000' }, 'Host not among the allowed origins'],
    [{ origin: 'http://127.0.0.1:3000' }, 'missing or malformed Host'],
    [{ host: 'a b', origin: 'http://127.0.0.1:3000' }, 'missing or malformed Host'],
    [{ host: '' }, 'missing or malformed Host'],
  ])('refuses %j', (headers, reason) => {
    expect(upgradeRefusal(headers, allowed)).toContain(reason);
  });

  it('reads only the first of repeated headers', () => {
    expect(upgradeRefusal({ host: ['127.0.0.1:3000'], origin: ['https://evil.example', 'http://127.0.0.1:3000'] }, allowed)).toContain('origin not allowed');
  });

  it('answers hostile headers in linear time, with a short reason', () => {
    const long = `http://${'a.'.repeat(100_000)}example`;
    const started = process.hrtime.bigint();
    const reason = upgradeRefusal({ host: '127.0.0.1:3000', origin: long }, allowed);
    const host = upgradeRefusal({ host: `${'a-'.repeat(100_000)}!` }, allowed);
    expect(Number(process.hrtime.bigint() - started) / 1e9).toBeLessThan(5);
    expect(reason!.length).toBeLessThan(200);
    expect(host).toContain('missing or malformed Host');
  });

  it('refuses everything from a browser when the allowlist is empty, and still lets non-browser clients in', () => {
    expect(upgradeRefusal({ host: '127.0.0.1:3000', origin: 'http://127.0.0.1:3000' }, [])).toContain('origin not allowed');
    expect(upgradeRefusal({ host: '127.0.0.1:3000' }, [])).toBeNull();
  });
});
