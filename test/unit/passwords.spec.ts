// The password pool (src/auth/passwords.ts): bcrypt runs in worker threads, never on the thread that serves
// requests, and its hashes are the bcryptjs hashes kept before, both ways.
import { threadId } from 'node:worker_threads';
import * as bcrypt from 'bcryptjs';
import { BCRYPT_COST, hashPassword, passwordWork, verifyPassword } from '../../src/auth/passwords';

describe('password hashing in worker threads', () => {
  it('makes hashes bcryptjs reads, and reads hashes bcryptjs made', async () => {
    const hash = await hashPassword('Chuangwen2027');
    expect(hash).toMatch(new RegExp(`^\\$2[aby]\\$${BCRYPT_COST}\\$.{53}$`));
    expect(bcrypt.compareSync('Chuangwen2027', hash)).toBe(true);
    const legacy = bcrypt.hashSync('Legacy2027x', 4);
    await expect(verifyPassword('Legacy2027x', legacy)).resolves.toBe(true);
    await expect(verifyPassword('legacy2027x', legacy)).resolves.toBe(false);
  });

  it('answers many checks at once, each with its own outcome, off the main thread', async () => {
    const hash = bcrypt.hashSync('right-1', 4);
    const before = passwordWork().compares;
    const outcomes = await Promise.all(Array.from({ length: 12 }, (_, i) => verifyPassword(i % 3 === 0 ? 'right-1' : `wrong-${i}`, hash)));
    expect(outcomes).toEqual(Array.from({ length: 12 }, (_, i) => i % 3 === 0));
    const work = passwordWork();
    expect(work.compares - before).toBe(12);
    expect(work.inFlight).toBe(0);
    expect(threadId).toBe(0);
    expect(work.threadIds.length).toBeGreaterThan(0);
    expect(work.threadIds).not.toContain(0);
  });

  it.each(['', 'not-a-hash', '$2b$10$short', '$2b$99$' + 'a'.repeat(53)])('treats the stored hash %j as no match, and keeps working', async (stored) => {
    await expect(verifyPassword('whatever1', stored).catch(() => false)).resolves.toBe(false);
    await expect(verifyPassword('x', bcrypt.hashSync('x', 4))).resolves.toBe(true);
  });
});
