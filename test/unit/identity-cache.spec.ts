// The identity cache keeps a session's or a demo login's person for seconds, and must never keep them past a
// revocation: a notice drops what it concerns, a read that raced with a notice is not stored, a lost LISTEN
// connection turns the cache off, and an entry never outlives its TTL or its session.
import { IdentityCache } from '../../src/auth/identity-cache';

const ana = { id: 'user:ana', login: 'ana', display_name: '安娜', role: 'UNIT_MEMBER', unit_code: 'WTSQ' };
const bo = { id: 'user:bo', login: 'bo', display_name: '博', role: 'SUPERVISOR', unit_code: null };

describe('IdentityCache', () => {
  let now = 1_000_000;
  const clock = () => now;
  const listening = (ttl = 5000, max = 100) => {
    const cache = new IdentityCache(ttl, max, clock);
    cache.setListening(true);
    return cache;
  };

  it('keeps nothing until its notices are listened to', () => {
    const cache = new IdentityCache(5000, 100, clock);
    cache.set(IdentityCache.loginKey('ana'), ana, cache.generation);
    expect(cache.get(IdentityCache.loginKey('ana'))).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it('answers from memory within the TTL, and not after', () => {
    const cache = listening();
    const key = IdentityCache.sessionKey('s1', ana.id);
    cache.set(key, ana, cache.generation);
    expect(cache.get(key)).toEqual(ana);
    now += 4999;
    expect(cache.get(key)).toEqual(ana);
    now += 1;
    expect(cache.get(key)).toBeUndefined();
  });

  it('never keeps a session past its own end', () => {
    const cache = listening();
    const key = IdentityCache.sessionKey('s1', ana.id);
    cache.set(key, ana, cache.generation, now + 1000);
    now += 1000;
    expect(cache.get(key)).toBeUndefined();
  });

  it('drops a revoked session at its notice, and only that session', () => {
    const cache = listening();
    cache.set(IdentityCache.sessionKey('s1', ana.id), ana, cache.generation);
    cache.set(IdentityCache.sessionKey('s10', ana.id), ana, cache.generation);
    cache.set(IdentityCache.sessionKey('s2', bo.id), bo, cache.generation);
    cache.changed({ kind: 'session', id: 's1' });
    expect(cache.get(IdentityCache.sessionKey('s1', ana.id))).toBeUndefined();
    expect(cache.get(IdentityCache.sessionKey('s10', ana.id))).toEqual(ana);
    expect(cache.get(IdentityCache.sessionKey('s2', bo.id))).toEqual(bo);
  });

  it("drops every entry of a person whose role or unit changed or who was removed, sessions and login alike", () => {
    const cache = listening();
    cache.set(IdentityCache.sessionKey('s1', ana.id), ana, cache.generation);
    cache.set(IdentityCache.loginKey('ana'), ana, cache.generation);
    cache.set(IdentityCache.loginKey('bo'), bo, cache.generation);
    cache.changed({ kind: 'user', id: ana.id });
    expect(cache.get(IdentityCache.sessionKey('s1', ana.id))).toBeUndefined();
    expect(cache.get(IdentityCache.loginKey('ana'))).toBeUndefined();
    expect(cache.get(IdentityCache.loginKey('bo'))).toEqual(bo);
  });

  it('does not store a read that a notice overtook (read before the change, stored after the notice)', () => {
    const cache = listening();
    const generation = cache.generation;
    cache.changed({ kind: 'user', id: ana.id });
    cache.set(IdentityCache.loginKey('ana'), ana, generation);
    expect(cache.get(IdentityCache.loginKey('ana'))).toBeUndefined();
    // A service account's notice moves the generation on too: whatever was read before it is not stored.
    const before = cache.generation;
    cache.changed({ kind: 'service', id: 'acct' });
    cache.set(IdentityCache.loginKey('bo'), bo, before);
    expect(cache.get(IdentityCache.loginKey('bo'))).toBeUndefined();
  });

  it('empties and turns off when the LISTEN connection is lost, and starts empty when it is back', () => {
    const cache = listening();
    cache.set(IdentityCache.loginKey('ana'), ana, cache.generation);
    cache.setListening(false);
    expect(cache.get(IdentityCache.loginKey('ana'))).toBeUndefined();
    cache.set(IdentityCache.loginKey('ana'), ana, cache.generation);
    expect(cache.size).toBe(0);
    cache.setListening(true);
    expect(cache.get(IdentityCache.loginKey('ana'))).toBeUndefined();
  });

  it('holds at most its maximum, dropping the oldest; a hostile stream of made-up sessions cannot grow it', () => {
    const cache = listening(5000, 3);
    for (let i = 0; i < 10_000; i++) cache.set(IdentityCache.sessionKey(`s${i}`, ana.id), ana, cache.generation);
    expect(cache.size).toBe(3);
    expect(cache.get(IdentityCache.sessionKey('s9999', ana.id))).toEqual(ana);
    expect(cache.get(IdentityCache.sessionKey('s0', ana.id))).toBeUndefined();
  });

  it('keeps only the fields an actor is made of (no password hash)', () => {
    const cache = listening();
    cache.set(IdentityCache.loginKey('ana'), { ...ana, password_hash: '$2b$secret' } as typeof ana, cache.generation);
    expect(cache.get(IdentityCache.loginKey('ana'))).not.toHaveProperty('password_hash');
  });

  it('through: reads once and answers from memory after, never stores a read overtaken by a notice, and bounds a session by its end', async () => {
    const cache = listening();
    let reads = 0;
    const read = async () => {
      reads++;
      return { ...ana, session_expires_at: now + 1000 };
    };
    const key = IdentityCache.sessionKey('s1', ana.id);
    expect(await cache.through(key, read, (u) => u.session_expires_at)).toMatchObject(ana);
    expect(await cache.through(key, read, (u) => u.session_expires_at)).toEqual(ana);
    expect(reads).toBe(1);
    now += 1000;
    await cache.through(key, read, (u) => u.session_expires_at);
    expect(reads).toBe(2);
    // A sign-out notice while the read is on its way: the answer is used once, not kept.
    const racing = cache.through(IdentityCache.sessionKey('s2', ana.id), async () => {
      cache.changed({ kind: 'session', id: 's2' });
      return ana;
    });
    expect(await racing).toEqual(ana);
    expect(cache.get(IdentityCache.sessionKey('s2', ana.id))).toBeUndefined();
    // Nobody there: null, and nothing stored.
    expect(await cache.through(IdentityCache.loginKey('ghost'), async () => undefined)).toBeNull();
    expect(cache.get(IdentityCache.loginKey('ghost'))).toBeUndefined();
  });
});
