import { infiniteQueryOptions } from '@tanstack/react-query';
import type { ReferralInbox, ReferralInboxItem } from '../../../shared/contracts/requests';
import { api, withQuery } from '../../lib/api';

export type ReferralBox = 'assigned' | 'sent';
export type ReferralState = 'open' | 'answered' | 'overdue';

export const referralKeys = {
  all: ['referrals'] as const,
  list: (box: ReferralBox, state: ReferralState) => ['referrals', 'inbox', box, state] as const,
};

export const referralInboxQuery = (box: ReferralBox, state: ReferralState) =>
  infiniteQueryOptions({
    queryKey: referralKeys.list(box, state),
    queryFn: ({ pageParam, signal }) =>
      api<ReferralInbox>(withQuery('/referrals', { box, state, limit: 25, cursor: pageParam }), { signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

export const answerReferral = (id: string, answer: string) =>
  api<ReferralInboxItem>(`/referrals/${encodeURIComponent(id)}/answer`, { method: 'POST', body: { answer } });
