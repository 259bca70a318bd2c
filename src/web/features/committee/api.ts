import { queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import type { sessionListSchema, sessionSchema } from '../../../shared/contracts/committee';
import type { ServiceRequest } from '../../../shared/contracts/requests';
import type { User } from '../../../shared/contracts/users';
import { api, apiBase, withQuery } from '../../lib/api';

export type Session = z.infer<typeof sessionSchema>;
export type SessionSummary = z.infer<typeof sessionListSchema>['items'][number];
export type AgendaItem = Session['items'][number];
export type Vote = AgendaItem['votes'][number]['vote'];

interface Page<T> {
  items: T[];
  total: number;
  nextCursor: string | null;
}

const enc = encodeURIComponent;
const sessionPath = (id: string, rest = '') => `/committee-sessions/${enc(id)}${rest}`;

export const committeeKeys = {
  all: ['committee'] as const,
  list: ['committee', 'list'] as const,
  detail: (id: string) => ['committee', 'detail', id] as const,
  members: ['committee', 'members'] as const,
  queue: ['committee', 'queue'] as const,
};

export const sessionsQuery = queryOptions({
  queryKey: committeeKeys.list,
  queryFn: ({ signal }) =>
    api<{ items: SessionSummary[] }>('/committee-sessions', { signal }).then((r) => r.items),
});

export const sessionQuery = (id: string) =>
  queryOptions({
    queryKey: committeeKeys.detail(id),
    queryFn: ({ signal }) => api<Session>(sessionPath(id), { signal }),
  });

/** Staff who may sit on a session, from the staff directory (names and roles) every colleague may read. */
export const committeeMembersQuery = queryOptions({
  queryKey: committeeKeys.members,
  queryFn: ({ signal }) =>
    api<{ items: Pick<User, 'id' | 'fullName' | 'roles'>[] }>(
      withQuery('/users/directory', { role: 'committee_member' }),
      { signal },
    ).then((r) => r.items),
  staleTime: 5 * 60_000,
});

/** Requests waiting for the committee, to put on an agenda. */
export const committeeQueueQuery = queryOptions({
  queryKey: committeeKeys.queue,
  queryFn: ({ signal }) =>
    api<Page<ServiceRequest>>(withQuery('/requests', { queue: 'committee', limit: 100 }), { signal }).then(
      (r) => r.items,
    ),
});

export const createSession = (body: {
  title: string;
  scheduledFor: string;
  chairId: string;
  memberIds: string[];
  quorum?: number;
}) => api<Session>('/committee-sessions', { method: 'POST', body });

export const addToAgenda = (id: string, requestId: string) =>
  api<Session>(sessionPath(id, '/agenda'), { method: 'POST', body: { requestId } });

export const castVote = (id: string, requestId: string, body: { vote: Vote; reason: string }) =>
  api<Session>(sessionPath(id, `/items/${enc(requestId)}/votes`), { method: 'POST', body });

export const decideItem = (id: string, requestId: string) =>
  api<Session>(sessionPath(id, `/items/${enc(requestId)}/decide`), { method: 'POST' });

export const closeSession = (id: string) => api<Session>(sessionPath(id, '/close'), { method: 'POST' });

export const minutesPdfUrl = (id: string) => `${apiBase}${sessionPath(id, '/minutes.pdf')}`;
