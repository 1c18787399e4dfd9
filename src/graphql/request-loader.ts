// Batching of field resolvers' lookups within one request: every `load(key)` made in the same tick becomes one
// query (`batch(keys)`), and a key is looked up once per request. Kept on the GraphQL context, so nothing is
// shared between requests or users.
export class RequestLoader<K, V> {
  private readonly cache = new Map<K, Promise<V | undefined>>();
  private pending: { key: K; resolve: (v: V | undefined) => void; reject: (e: unknown) => void }[] = [];

  constructor(private readonly batch: (keys: readonly K[]) => Promise<Map<K, V>>) {}

  load(key: K): Promise<V | undefined> {
    const cached = this.cache.get(key);
    if (cached) return cached;
    const promise = new Promise<V | undefined>((resolve, reject) => {
      this.pending.push({ key, resolve, reject });
      if (this.pending.length === 1) queueMicrotask(() => setImmediate(() => void this.flush()));
    });
    this.cache.set(key, promise);
    return promise;
  }

  private async flush(): Promise<void> {
    const waiting = this.pending;
    this.pending = [];
    try {
      const found = await this.batch([...new Set(waiting.map((w) => w.key))]);
      for (const w of waiting) w.resolve(found.get(w.key));
    } catch (err) {
      for (const w of waiting) w.reject(err);
    }
  }
}

/** The loaders of one request, by name, made on first use. */
export function requestLoader<K, V>(context: { loaders?: Map<string, unknown> }, name: string, batch: (keys: readonly K[]) => Promise<Map<K, V>>): RequestLoader<K, V> {
  context.loaders ??= new Map();
  let loader = context.loaders.get(name) as RequestLoader<K, V> | undefined;
  if (!loader) {
    loader = new RequestLoader(batch);
    context.loaders.set(name, loader);
  }
  return loader;
}
