import { infiniteQueryOptions } from '@tanstack/react-query';
import type {
  RegistrationItem,
  RegistrationPage,
  reviewStates,
} from '../../../shared/contracts/portal-registration';
import { api, withQuery } from '../../lib/api';

export type ReviewState = (typeof reviewStates)[number];

export const registrationKeys = {
  all: ['registrations'] as const,
  list: (state: ReviewState) => ['registrations', 'list', state] as const,
};

export const registrationListQuery = (state: ReviewState) =>
  infiniteQueryOptions({
    queryKey: registrationKeys.list(state),
    queryFn: ({ pageParam, signal }) =>
      api<RegistrationPage>(withQuery('/registrations', { state, limit: 25, cursor: pageParam }), { signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

export const acceptRegistration = (id: string) =>
  api<RegistrationItem>(`/registrations/${encodeURIComponent(id)}/accept`, { method: 'POST' });

export const returnRegistration = (id: string, reason: string) =>
  api<RegistrationItem>(`/registrations/${encodeURIComponent(id)}/return`, {
    method: 'POST',
    body: { reason },
  });
