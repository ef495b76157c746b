import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import { ApiError, get, post, type Me } from '../api/client';

interface Session {
  me: Me | null;
  loading: boolean;
  login(login: string, password: string): Promise<Me>;
  logout(): Promise<void>;
  refresh(): Promise<void>;
}

const SessionContext = createContext<Session | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<Me | null>(null);
  const [loading, setLoading] = useState(true);

  const refresh = useCallback(async () => {
    try {
      setMe(await get<Me>('/auth/me'));
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
    const { user } = await post<{ user: Me }>('/auth/login', { login: loginName, password });
    setMe(user);
    return user;
  }, []);

  const logout = useCallback(async () => {
    await post('/auth/logout');
    setMe(null);
  }, []);

  return <SessionContext.Provider value={{ me, loading, login, logout, refresh }}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const ctx = useContext(SessionContext);
  if (!ctx) throw new Error('useSession outside SessionProvider');
  return ctx;
}
