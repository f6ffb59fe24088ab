import {
  createContext,
  startTransition,
  use,
  useCallback,
  useEffect,
  useMemo,
  useState,
  type ReactNode,
} from 'react';
import type { SessionInfo } from '@tinhso/contracts';
import { useNavigate } from 'react-router';
import { getSession, logout } from '../api/auth.ts';
import { ApiError, setCsrfToken, setSessionLostHandler } from '../api/client.ts';
import { IdleTimeout } from './idle-timeout.tsx';
import { SessionExpiredDialog } from './session-expired-dialog.tsx';

export type SessionState =
  { status: 'loading' } | { status: 'anonymous' } | { status: 'signed_in'; session: SessionInfo };

interface SessionContextValue {
  state: SessionState;
  /** After sign-in or MFA enrolment: the server's new view of the session. */
  setSession: (session: SessionInfo) => void;
  /**
   * Ends the session on the server. With redirectTo, moves there in the same render as the session
   * ends, so that the guard of the page being left does not send the person to the sign-in page.
   */
  signOut: (options?: { redirectTo?: string }) => Promise<void>;
  /** Asks the server again (it also counts as activity for the server's idle timer). */
  refresh: () => Promise<void>;
}

const SessionContext = createContext<SessionContextValue | null>(null);

async function readSession(signal?: AbortSignal): Promise<SessionState> {
  try {
    return { status: 'signed_in', session: await getSession(signal) };
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return { status: 'anonymous' };
    throw error;
  }
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'loading' });
  const [expiredAfterSeconds, setExpiredAfterSeconds] = useState<number | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    readSession(controller.signal).then(setState, (error: unknown) => {
      if (controller.signal.aborted) return;
      // The server cannot be reached: show the public pages; signing in will report the problem.
      console.error(error);
      setState({ status: 'anonymous' });
    });
    return () => {
      controller.abort();
    };
  }, []);

  useEffect(() => {
    setCsrfToken(state.status === 'signed_in' ? state.session.csrfToken : null);
  }, [state]);

  useEffect(() => {
    setSessionLostHandler(() => {
      setState({ status: 'anonymous' });
    });
    return () => {
      setSessionLostHandler(null);
    };
  }, []);

  const setSession = useCallback((session: SessionInfo) => {
    // The token is needed by the very next request, before the effect above runs.
    setCsrfToken(session.csrfToken);
    setState({ status: 'signed_in', session });
  }, []);

  const navigate = useNavigate();
  const signOut = useCallback(
    async (options: { redirectTo?: string } = {}) => {
      try {
        await logout();
      } catch (error) {
        // Signed out locally whatever the server says: the session cookie is dead or will expire.
        console.error(error);
      }
      // The router moves in a transition; ending the session in the same one renders both at once.
      startTransition(() => {
        if (options.redirectTo) void navigate(options.redirectTo, { state: { signedOut: true } });
        setState({ status: 'anonymous' });
      });
    },
    [navigate],
  );

  const refresh = useCallback(async () => {
    try {
      setState(await readSession());
    } catch (error) {
      console.error(error);
    }
  }, []);

  const timeoutSeconds = state.status === 'signed_in' ? state.session.idleTimeoutSeconds : 0;
  const expire = useCallback(async () => {
    // No redirect: the page's guard sends the person to sign in, and back here afterwards.
    await signOut();
    setExpiredAfterSeconds(timeoutSeconds);
  }, [signOut, timeoutSeconds]);

  const value = useMemo(
    () => ({ state, setSession, signOut, refresh }),
    [state, setSession, signOut, refresh],
  );
  return (
    <SessionContext value={value}>
      {children}
      {state.status === 'signed_in' ? (
        <IdleTimeout
          key={state.session.accountId}
          timeoutSeconds={state.session.idleTimeoutSeconds}
          onActive={refresh}
          onTimeout={expire}
        />
      ) : null}
      <SessionExpiredDialog
        afterSeconds={expiredAfterSeconds}
        onClose={() => {
          setExpiredAfterSeconds(null);
        }}
      />
    </SessionContext>
  );
}

export function useSession(): SessionContextValue {
  const value = use(SessionContext);
  if (!value) throw new Error('useSession must be used inside <SessionProvider>');
  return value;
}

/** For pages behind a guard: the signed-in session, which the guard has made sure exists. */
export function useSignedInSession(): SessionInfo {
  const { state } = useSession();
  if (state.status !== 'signed_in') throw new Error('This page is only rendered for a signed-in person');
  return state.session;
}

export function hasPermission(session: SessionInfo, permission: string): boolean {
  return session.permissions.includes(permission);
}
