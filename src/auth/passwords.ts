// Passwords are kept as bcrypt hashes (cost 10). The demo users all share one documented password.
import * as bcrypt from 'bcryptjs';

export const BCRYPT_COST = 10;

/** The demo users' password, listed in the README. Demo data only. */
export const DEMO_PASSWORD = 'chuangwen2027';

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, BCRYPT_COST);
}

export function verifyPassword(password: string, hash: string): Promise<boolean> {
  return bcrypt.compare(password, hash);
}

let demoHash: Promise<string> | null = null;

/** One hash of the demo password for every demo user (bcrypt salts it; computing it once keeps seeding fast). */
export function demoPasswordHash(): Promise<string> {
  demoHash ??= hashPassword(DEMO_PASSWORD);
  return demoHash;
}

/** A hash that matches no password, compared against when the login is unknown so that timing does not tell. */
export const NO_USER_HASH = '$2b$10$CwTycUXWue0Thq9StjUM0uJ8.DQm6SRD1s9m1YiQ8B3QJ2zF0cXWe';
