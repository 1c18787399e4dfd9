// Access tokens: what is signed is what is checked; nothing is trusted before the signature and the expiry.
import { signAccessToken, verifyAccessToken } from '../../src/auth/tokens';

const SECRET = 'a-secret-of-at-least-thirty-two-characters';
const CLAIMS = { sub: 'user:office', sid: '9b2c0f1e-0000-4000-8000-000000000001', iat: 1_800_000_000, exp: 1_800_000_900 };

describe('access tokens', () => {
  it('verifies a token it signed, before its expiry', () => {
    expect(verifyAccessToken(signAccessToken(CLAIMS, SECRET), SECRET, 1_800_000_899)).toEqual({ ok: true, claims: CLAIMS });
  });

  it('refuses it at and after its expiry', () => {
    expect(verifyAccessToken(signAccessToken(CLAIMS, SECRET), SECRET, 1_800_000_900)).toEqual({ ok: false, reason: 'EXPIRED' });
  });

  it('refuses another key, a changed payload, another algorithm and garbage', () => {
    const token = signAccessToken(CLAIMS, SECRET);
    expect(verifyAccessToken(token, `${SECRET}x`, 1_800_000_000)).toEqual({ ok: false, reason: 'BAD_SIGNATURE' });
    const [h, , s] = token.split('.');
    const forged = `${h}.${Buffer.from(JSON.stringify({ ...CLAIMS, sub: 'user:leader' })).toString('base64url')}.${s}`;
    expect(verifyAccessToken(forged, SECRET, 1_800_000_000)).toEqual({ ok: false, reason: 'BAD_SIGNATURE' });
    const none = `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url')}.${token.split('.')[1]}.`;
    expect(verifyAccessToken(none, SECRET, 1_800_000_000)).toEqual({ ok: false, reason: 'MALFORMED' });
    for (const junk of ['', 'a.b', 'a.b.c.d', `${h}.!!!.${s}`]) expect(verifyAccessToken(junk, SECRET, 1_800_000_000).ok).toBe(false);
  });

  it('refuses a well-signed token whose claims are incomplete', () => {
    const token = signAccessToken({ sub: 'user:office' } as never, SECRET);
    expect(verifyAccessToken(token, SECRET, 1)).toEqual({ ok: false, reason: 'MALFORMED' });
  });
});
