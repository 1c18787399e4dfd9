// Instants as ISO strings, the way the pure rules handle time: given as arguments, never read from a clock.

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

export function addMs(iso: string, ms: number): string {
  return new Date(Date.parse(iso) + ms).toISOString();
}

/** The instant of an ISO string from a command, or null when it is not one. */
export function instant(value: unknown): number | null {
  if (typeof value !== 'string') return null;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? null : ms;
}

export function earlier(a: string, b: string): string {
  return Date.parse(a) <= Date.parse(b) ? a : b;
}

export function later(a: string, b: string): string {
  return Date.parse(a) >= Date.parse(b) ? a : b;
}

/** Shanghai calendar date of an instant, for messages. */
export function shanghaiDate(iso: string): string {
  return new Date(Date.parse(iso) + 8 * HOUR).toISOString().slice(0, 10);
}
