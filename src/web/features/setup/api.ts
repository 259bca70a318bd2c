import type { Setup } from '../../../shared/contracts/auth';
import { api } from '../../lib/api';

export interface SetupResult {
  organization: { id: string; nameAr: string; nameEn: string };
  user: { id: string; fullName: string; email: string; roles: string[] };
}

export function completeSetup(body: Setup): Promise<SetupResult> {
  return api<SetupResult>('/setup', { method: 'POST', body });
}
