// Access tokens: compact JWTs signed with HMAC-SHA256 (RFC 7519), made and checked with node:crypto only, so
// that what is accepted is exactly what this file says: the HS256 header, a signature compared in constant time,
// and an expiry. Pure apart from the clock passed in.
import { createHmac, timingSafeEqual } from 'node:crypto';

export interface AccessClaims {
  /** The user's id. */
  sub: string;
  /** The session the token belongs to: signing out revokes it. */
  sid: string;
  /** Issued at and expires at, seconds since the epoch. */
  iat: number;
  exp: number;
}

const HEADER = base64url(Buffer.from(JSON.stringify({ alg: 'HS256', typ: 'JWT' })));

function base64url(buffer: Buffer): string {
  return buffer.toString('base64').replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
}

function fromBase64url(text: string): Buffer {
  return Buffer.from(text.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
}

function signature(secret: string, signed: string): string {
  return base64url(createHmac('sha256', secret).update(signed).digest());
}

export function signAccessToken(claims: AccessClaims, secret: string): string {
  const payload = base64url(Buffer.from(JSON.stringify(claims)));
  return `${HEADER}.${payload}.${signature(secret, `${HEADER}.${payload}`)}`;
}

export type TokenCheck = { ok: true; claims: AccessClaims } | { ok: false; reason: 'MALFORMED' | 'BAD_SIGNATURE' | 'EXPIRED' };

/** Checks the header, the signature and the expiry; nothing else in the token is trusted before that. */
export function verifyAccessToken(token: string, secret: string, nowSeconds: number): TokenCheck {
  const parts = token.split('.');
  if (parts.length !== 3 || parts[0] !== HEADER || !/^[A-Za-z0-9_-]+$/.test(parts[1]) || !/^[A-Za-z0-9_-]+$/.test(parts[2])) {
    return { ok: false, reason: 'MALFORMED' };
  }
  const expected = Buffer.from(signature(secret, `${parts[0]}.${parts[1]}`));
  const given = Buffer.from(parts[2]);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { ok: false, reason: 'BAD_SIGNATURE' };
  let claims: Partial<AccessClaims>;
  try {
    claims = JSON.parse(fromBase64url(parts[1]).toString('utf8')) as Partial<AccessClaims>;
  } catch {
    return { ok: false, reason: 'MALFORMED' };
  }
  if (typeof claims.sub !== 'string' || typeof claims.sid !== 'string' || typeof claims.exp !== 'number' || typeof claims.iat !== 'number') {
    return { ok: false, reason: 'MALFORMED' };
  }
  if (claims.exp <= nowSeconds) return { ok: false, reason: 'EXPIRED' };
  return { ok: true, claims: claims as AccessClaims };
}
