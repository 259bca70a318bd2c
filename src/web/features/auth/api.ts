import type { Login, Me } from '../../../shared/contracts/auth';
import { ApiError, api } from '../../lib/api';

export function signIn(body: Login): Promise<Me> {
  return api<Me>('/auth/login', { method: 'POST', body });
}

export function signOut(): Promise<void> {
  return api<void>('/auth/logout', { method: 'POST' });
}

/**
 * The two questions the router asks before showing the sign-in page (lib/session.ts, app/router.tsx),
 * asked by main.tsx when the sign-in screen shows before the router: is setup needed, and who is signed
 * in (null on 401, as the me query answers).
 */
export function fetchSetupStatus(): Promise<{ needed: boolean }> {
  return api<{ needed: boolean }>('/setup');
}

export async function fetchMe(): Promise<Me | null> {
  try {
    return await api<Me>('/auth/me');
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}
