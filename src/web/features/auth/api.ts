import type { Login, Me } from '../../../shared/contracts/auth';
import { api } from '../../lib/api';

export function signIn(body: Login): Promise<Me> {
  return api<Me>('/auth/login', { method: 'POST', body });
}

export function signOut(): Promise<void> {
  return api<void>('/auth/logout', { method: 'POST' });
}
