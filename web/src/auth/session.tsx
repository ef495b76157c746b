import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import { ApiError, client, unwrap, type Me } from '../api/client';

/** The session as the app sees it (a React context value, not an API type): the signed-in user and the calls that change it. */
interface SessionState {
  me: Me | null;
  loading: boolean;
  /** the user, or null while a second factor is still owed (then `secondFactor` finishes the sign-in) */
  login(login: string, password: string): Promise<Me | null>;
  secondFactor(answer: { code?: string; recoveryCode?: string }): Promise<Me | null>;
  /** signs in with a passkey: `ask` runs the browser's ceremony on the server's options */
  passkey(ask: (options: Record<string, unknown>) => Promise<unknown>): Promise<Me | null>;
  logout(): Promise<void>;
  refresh(): Promise<void>;
}

const SessionContext = createContext<SessionState | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<Me | null>(null);
  const [loading, setLoading] = useState(true);

  const refresh = useCallback(async () => {
    try {
      setMe(await unwrap(client.GET('/api/v1/auth/me')));
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) setMe(null);
      else throw e;
    } finally {
      setLoading(false);
    }
  }, []);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  const login = useCallback(async (loginName: string, password: string) => {
    const { user } = await unwrap(client.POST('/api/v1/auth/login', { body: { login: loginName, password } }));
    setMe(user);
    return user;
  }, []);

  const secondFactor = useCallback(async (answer: { code?: string; recoveryCode?: string }) => {
    const { user } = await unwrap(client.POST('/api/v1/auth/login/second-factor', { body: answer }));
    setMe(user);
    return user;
  }, []);

  const passkey = useCallback(async (ask: (options: Record<string, unknown>) => Promise<unknown>) => {
    const options = await unwrap(client.POST('/api/v1/auth/passkey/options'));
    const answer = (await ask(options)) as { id: string; rawId: string; type: 'public-key'; response: Record<string, unknown> };
    const { user } = await unwrap(client.POST('/api/v1/auth/passkey/login', { body: { response: answer } }));
    setMe(user);
    return user;
  }, []);

  const logout = useCallback(async () => {
    await unwrap(client.POST('/api/v1/auth/logout'));
    setMe(null);
  }, []);

  return <SessionContext.Provider value={{ me, loading, login, secondFactor, passkey, logout, refresh }}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionState {
  const ctx = useContext(SessionContext);
  if (!ctx) throw new Error('useSession outside SessionProvider');
  return ctx;
}
