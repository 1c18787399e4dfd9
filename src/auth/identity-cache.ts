// Who a session or a demo login is, kept for a few seconds so that a person clicking through the board does not cost
// a database read per request (issue 18). Revocation is still honoured at once: every change to a session, a
// person's role or unit, or a person's removal is a notice on the auth_changes channel (migration 0021), and the
// entries it concerns are dropped when it arrives. The cache is used only while that channel is being listened to:
// a lost connection empties it and turns it off until the connection is back. A read that raced with a notice (read
// before the change, stored after the notice) is not stored: every notice moves the generation on.
import type { AuthChange } from '../platform/live/auth-changes.listener';

export interface CachedUser {
  id: string;
  login: string;
  display_name: string;
  role: string;
  unit_code: string | null;
}

interface Entry {
  user: CachedUser;
  until: number;
}

export const IDENTITY_CACHE_TTL_MS = 5_000;
export const IDENTITY_CACHE_MAX_ENTRIES = 10_000;

export class IdentityCache {
  private readonly entries = new Map<string, Entry>();
  private listening = false;
  private generationCount = 0;

  constructor(
    private readonly ttlMs = IDENTITY_CACHE_TTL_MS,
    private readonly maxEntries = IDENTITY_CACHE_MAX_ENTRIES,
    private readonly now: () => number = Date.now,
  ) {}

  static sessionKey(sessionId: string, userId: string): string {
    return `session:${sessionId}:${userId}`;
  }

  static loginKey(login: string): string {
    return `login:${login}`;
  }

  /** Taken before the database read whose result may be stored with `set`. */
  get generation(): number {
    return this.generationCount;
  }

  get size(): number {
    return this.entries.size;
  }

  get(key: string): CachedUser | undefined {
    if (!this.listening) return undefined;
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.until <= this.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.user;
  }

  /**
   * Stores what was read at `generation`, unless a notice came in since (then the read may be stale); never past
   * `notAfterMs` (a session's own end).
   */
  set(key: string, user: CachedUser, generation: number, notAfterMs = Infinity): void {
    if (!this.listening || generation !== this.generationCount) return;
    this.entries.delete(key);
    if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value as string);
    const until = Math.min(this.now() + this.ttlMs, notAfterMs);
    this.entries.set(key, { user: { id: user.id, login: user.login, display_name: user.display_name, role: user.role, unit_code: user.unit_code }, until });
  }

  /**
   * The person under `key`: from memory while fresh, else from `read` (null when there is none), stored unless a
   * notice arrived during the read; `notAfterMs` bounds how long a read person may be kept (a session's own end).
   */
  async through<T extends CachedUser>(key: string, read: () => Promise<T | null | undefined>, notAfterMs: (user: T) => number = () => Infinity): Promise<CachedUser | null> {
    const cached = this.get(key);
    if (cached) return cached;
    const generation = this.generationCount;
    const user = await read();
    if (!user) return null;
    this.set(key, user, generation, notAfterMs(user));
    return user;
  }

  /** A notice: drops every entry it concerns (a service account's notice concerns none: keys are not cached). */
  changed(change: AuthChange): void {
    this.generationCount++;
    if (change.kind === 'service') return;
    const sessionPrefix = `session:${change.id}:`;
    for (const [key, entry] of this.entries) {
      if (change.kind === 'session' ? key.startsWith(sessionPrefix) : entry.user.id === change.id) this.entries.delete(key);
    }
  }

  /** Whether the notices arrive: off empties the cache, and nothing is kept until it is on again. */
  setListening(on: boolean): void {
    this.generationCount++;
    this.listening = on;
    this.entries.clear();
  }
}
