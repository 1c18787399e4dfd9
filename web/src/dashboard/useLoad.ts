import { useEffect, useState } from 'react';

export interface Loaded<T> {
  data: T | null;
  error: Error | null;
  loading: boolean;
}

interface Answer<T> {
  data: T | null;
  error: Error | null;
  /** Which request the answer is to: while it is not the latest, the latest is still loading. */
  to: { load: () => Promise<T>; refresh: number } | null;
}

/**
 * Runs `load` when it changes or `refresh` moves on, keeping the last answer on screen while the next one comes
 * (a refresh never blanks a chart); an answer that arrives after a newer request started is dropped.
 */
export function useLoad<T>(load: () => Promise<T>, refresh: number): Loaded<T> {
  const [answer, setAnswer] = useState<Answer<T>>({ data: null, error: null, to: null });
  useEffect(() => {
    let live = true;
    const to = { load, refresh };
    load().then(
      (data) => live && setAnswer({ data, error: null, to }),
      (error: unknown) => live && setAnswer((a) => ({ data: a.data, error: error instanceof Error ? error : new Error(String(error)), to })),
    );
    return () => {
      live = false;
    };
  }, [load, refresh]);
  const loading = answer.to === null || answer.to.load !== load || answer.to.refresh !== refresh;
  return { data: answer.data, error: loading ? null : answer.error, loading };
}
