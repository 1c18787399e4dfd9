// Label values that come from clients (GraphQL operation names) must not grow a series per value: Prometheus keeps
// every series in memory, and 10,000 made-up names would be 10,000 series of 15 buckets each.

/** The label value of everything past the limit or not shaped like a name. */
export const OTHER_LABEL = 'other';

/**
 * Admits a value as a label the first `max` times it sees a new one that matches `pattern`; any other value is
 * `other`. Values admitted once stay admitted for the life of the process.
 */
export class BoundedLabel {
  private readonly admitted = new Set<string>();

  constructor(
    private readonly max: number,
    private readonly pattern: RegExp,
  ) {}

  value(raw: string): string {
    if (this.admitted.has(raw)) return raw;
    if (this.admitted.size >= this.max || !this.pattern.test(raw)) return OTHER_LABEL;
    this.admitted.add(raw);
    return raw;
  }

  /** How many distinct values have been admitted. */
  get size(): number {
    return this.admitted.size;
  }
}
