import { useEffect, useState } from 'react';
import { ApiError, gql } from './client';

export interface QueryState<T> {
  data: T | null;
  error: ApiError | null;
  loading: boolean;
  /** Asks again (after an action, or on "重试"). */
  reload(): void;
}

/** A query's answer for a screen, asked again when its variables change or on `reload()`. */
export function useQuery<T>(document: string, variables: Record<string, unknown> = {}): QueryState<T> {
  const key = JSON.stringify(variables);
  const [round, setRound] = useState(0);
  const [state, setState] = useState<{ data: T | null; error: ApiError | null; settled: string | null }>({ data: null, error: null, settled: null });
  const asked = `${key}#${round}`;
  useEffect(() => {
    let live = true;
    gql<T>(document, JSON.parse(key) as Record<string, unknown>)
      .then((data) => live && setState({ data, error: null, settled: asked }))
      .catch((err: unknown) => live && setState((now) => ({ data: now.data, error: err instanceof ApiError ? err : new ApiError(String(err), 'INTERNAL_SERVER_ERROR'), settled: asked })));
    return () => {
      live = false;
    };
  }, [document, key, asked]);
  return { data: state.data, error: state.error, loading: state.settled !== asked, reload: () => setRound((r) => r + 1) };
}
