import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, ApiError, setCsrfToken, setUnauthorizedHandler } from './api';
import type { Me, Permission, SessionResponse } from './types';

interface AuthState {
  /** undefined while the initial /auth/me probe is in flight. */
  user: Me | null | undefined;
  /** Set when the session ended unexpectedly (a request answered 401). */
  expired: boolean;
  login(username: string, password: string): Promise<Me>;
  logout(): Promise<void>;
  refresh(): Promise<void>;
  can(permission: Permission): boolean;
}

const AuthContext = createContext<AuthState | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<Me | null | undefined>(undefined);
  const [expired, setExpired] = useState(false);

  const refresh = useCallback(async () => {
    try {
      const s = await api<SessionResponse>('/auth/me', { skipAuthRedirect: true });
      setCsrfToken(s.csrfToken);
      setUser(s.user);
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) {
        setCsrfToken(null);
        setUser(null);
      } else {
        // Server unreachable: treat as logged out so the login page can show the error.
        setUser(null);
      }
    }
  }, []);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  useEffect(() => {
    setUnauthorizedHandler(() => {
      setCsrfToken(null);
      setExpired(true);
      setUser(null);
    });
    return () => setUnauthorizedHandler(null);
  }, []);

  const login = useCallback(async (username: string, password: string) => {
    const s = await api<SessionResponse>('/auth/login', {
      method: 'POST',
      body: { username, password },
      skipAuthRedirect: true,
    });
    setCsrfToken(s.csrfToken);
    setExpired(false);
    setUser(s.user);
    return s.user;
  }, []);

  const logout = useCallback(async () => {
    try {
      await api<void>('/auth/logout', { method: 'POST', skipAuthRedirect: true });
    } finally {
      setCsrfToken(null);
      setExpired(false);
      setUser(null);
    }
  }, []);

  const value = useMemo<AuthState>(
    () => ({
      user,
      expired,
      login,
      logout,
      refresh,
      can: (p) => !!user && user.permissions.includes(p),
    }),
    [user, expired, login, logout, refresh],
  );

  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthState {
  const ctx = useContext(AuthContext);
  if (!ctx) throw new Error('useAuth outside AuthProvider');
  return ctx;
}
