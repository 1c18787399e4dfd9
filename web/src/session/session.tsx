// Who is signed in, for every screen: the person (from `me`), their role, and signing in and out. The screens a
// person sees follow their role (shell/navigation.ts); what they may do on a card follows the card's
// `allowedActions`, which the API computes from the same rules it enforces.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { ApiError, currentSession, gql, gqlAnonymous, onSessionChange, setSession } from '../api/client';
import { ME, SIGN_IN, SIGN_OUT } from '../api/documents';
import type { Me } from '../api/types';
import type { MeQuery, SignInMutation } from '../api/graphql.generated';

interface SessionState {
  me: Me | null;
  /** True while the stored session is being checked at start-up. */
  checking: boolean;
  signIn(login: string, password: string): Promise<void>;
  signOut(): Promise<void>;
}

const SessionContext = createContext<SessionState | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<Me | null>(null);
  const [checking, setChecking] = useState(() => currentSession() !== null);

  const loadMe = useCallback(async () => {
    try {
      setMe((await gql<MeQuery>(ME)).me);
    } catch {
      setMe(null);
    } finally {
      setChecking(false);
    }
  }, []);

  useEffect(() => {
    let live = true;
    // A session kept from before a reload: is it still good?
    if (currentSession()) {
      gql<MeQuery>(ME)
        .then((data) => live && setMe(data.me))
        .catch(() => live && setMe(null))
        .finally(() => live && setChecking(false));
    }
    // Signed out elsewhere in the app (a refresh refused, a revoked session): back to the sign-in screen.
    const off = onSessionChange((session) => {
      if (!session) setMe(null);
    });
    return () => {
      live = false;
      off();
    };
  }, []);

  const value = useMemo<SessionState>(
    () => ({
      me,
      checking,
      async signIn(login, password) {
        const data = await gqlAnonymous<SignInMutation>(SIGN_IN, { input: { login: login.trim(), password } });
        setSession(data.signIn);
        await loadMe();
      },
      async signOut() {
        try {
          await gql(SIGN_OUT);
        } catch (err) {
          if (!(err instanceof ApiError)) throw err;
        } finally {
          setSession(null);
          setMe(null);
        }
      },
    }),
    [me, checking, loadMe],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionState {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}

/** The signed-in person; only for screens shown after sign-in. */
export function useMe(): Me {
  const { me } = useSession();
  if (!me) throw new Error('useMe before sign-in');
  return me;
}
