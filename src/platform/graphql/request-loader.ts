// Batching of field resolvers' lookups within one request: every `load(key)` made in the same tick becomes one
// query (`batch(keys)`), and a key is looked up once per request. Kept on the GraphQL context, so nothing is
// shared between requests or users.

/** What a loader remembers its answers in: a Map, or a WeakMap for keys that are objects. */
interface LoaderCache<K, V> {
  get(key: K): V | undefined;
  set(key: K, value: V): unknown;
}

export class RequestLoader<K, V> {
  private pending: { key: K; resolve: (v: V | undefined) => void; reject: (e: unknown) => void }[] = [];

  constructor(
    private readonly batch: (keys: readonly K[]) => Promise<Map<K, V>>,
    private readonly cache: LoaderCache<K, Promise<V | undefined>> = new Map(),
  ) {}

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

type LoaderContext = { loaders?: Map<string, unknown> };

function named<K, V>(context: LoaderContext, name: string, make: () => RequestLoader<K, V>): RequestLoader<K, V> {
  context.loaders ??= new Map();
  let loader = context.loaders.get(name) as RequestLoader<K, V> | undefined;
  if (!loader) {
    loader = make();
    context.loaders.set(name, loader);
  }
  return loader;
}

/** The loaders of one request, by name, made on first use. */
export function requestLoader<K, V>(context: LoaderContext, name: string, batch: (keys: readonly K[]) => Promise<Map<K, V>>): RequestLoader<K, V> {
  return named(context, name, () => new RequestLoader(batch));
}

/**
 * A loader of what belongs to a card (its events, its linked items), keyed by the card object read in this
 * request rather than by its id: a mutation's answer, or the next change of a subscription (whose context lasts
 * as long as the subscription), is a card read anew, so it is never answered from what an earlier read of the
 * same task found. The cache is weak, so a subscription does not keep every change's cards. `batch` is asked by
 * id, once for each id however many cards of it there are.
 */
export function cardLoader<C extends { id: string }, V>(
  context: LoaderContext,
  name: string,
  batch: (ids: readonly string[]) => Promise<Map<string, V>>,
): RequestLoader<C, V> {
  const byCard = async (cards: readonly C[]) => {
    const found = await batch([...new Set(cards.map((c) => c.id))]);
    return new Map(cards.flatMap((c): [C, V][] => (found.has(c.id) ? [[c, found.get(c.id)!]] : [])));
  };
  return named(context, name, () => new RequestLoader(byCard, new WeakMap<C, Promise<V | undefined>>()));
}
