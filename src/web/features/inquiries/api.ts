import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import type { BeneficiarySummary } from '../../../shared/contracts/beneficiaries';
import type {
  AnswerInquiry,
  Article,
  ArticlePage,
  ArticleStatus,
  CreateArticle,
  Inquiry,
  InquiryPage,
  InquiryStatus,
  Suggestion,
} from '../../../shared/contracts/inquiries';
import { api, withQuery } from '../../lib/api';

export interface InquiryFilter {
  status?: InquiryStatus;
  overdue?: boolean;
  q?: string;
}

export const inquiryKeys = {
  all: ['inquiries'] as const,
  list: (f: InquiryFilter) => ['inquiries', 'list', f] as const,
  detail: (id: string) => ['inquiries', 'detail', id] as const,
  people: (q: string) => ['inquiries', 'people', q] as const,
};

export const knowledgeKeys = {
  all: ['knowledge'] as const,
  list: (status: ArticleStatus | undefined) => ['knowledge', 'list', status ?? 'all'] as const,
  suggest: (q: string) => ['knowledge', 'suggest', q] as const,
};

const inquiryPath = (id: string, rest = '') => `/inquiries/${encodeURIComponent(id)}${rest}`;
const articlePath = (id: string, rest = '') => `/knowledge/${encodeURIComponent(id)}${rest}`;

export const inquiryListQuery = (f: InquiryFilter) =>
  infiniteQueryOptions({
    queryKey: inquiryKeys.list(f),
    queryFn: ({ pageParam, signal }) =>
      api<InquiryPage>(
        withQuery('/inquiries', {
          status: f.status,
          overdue: f.overdue,
          q: f.q,
          limit: 20,
          cursor: pageParam,
        }),
        { signal },
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

/** One inquiry; while its answer's message is still queued, asked again every 3 s (its true status). */
export const inquiryQuery = (id: string) =>
  queryOptions({
    queryKey: inquiryKeys.detail(id),
    queryFn: ({ signal }) => api<Inquiry>(inquiryPath(id), { signal }),
    refetchInterval: (query) => (query.state.data?.answerMessage?.status === 'queued' ? 3_000 : false),
  });

export interface NewInquiry {
  beneficiaryId?: string;
  channel: string;
  category?: string;
  question: string;
  contactName?: string;
  contactPhone?: string;
}

export const createInquiry = (body: NewInquiry) => api<Inquiry>('/inquiries', { method: 'POST', body });

export const answerInquiry = (id: string, body: AnswerInquiry) =>
  api<Inquiry>(inquiryPath(id, '/answer'), { method: 'POST', body });

/** People found by name, national ID, file number or phone (the registry's own search). */
export const peopleQuery = (q: string) =>
  queryOptions({
    queryKey: inquiryKeys.people(q),
    queryFn: ({ signal }) =>
      api<{ items: BeneficiarySummary[] }>(withQuery('/beneficiaries', { q, limit: 6 }), { signal }).then(
        (r) => r.items,
      ),
    enabled: q.length >= 2,
    staleTime: 30_000,
  });

export const suggestionsQuery = (q: string) =>
  queryOptions({
    queryKey: knowledgeKeys.suggest(q),
    queryFn: ({ signal }) =>
      api<{ items: Suggestion[] }>(withQuery('/knowledge/suggest', { q, limit: 5 }), { signal }).then(
        (r) => r.items,
      ),
    enabled: q.length >= 3,
    staleTime: 60_000,
  });

export const articleListQuery = (status: ArticleStatus | undefined) =>
  infiniteQueryOptions({
    queryKey: knowledgeKeys.list(status),
    queryFn: ({ pageParam, signal }) =>
      api<ArticlePage>(withQuery('/knowledge', { status, limit: 20, cursor: pageParam }), { signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

export const createArticle = (body: CreateArticle) => api<Article>('/knowledge', { method: 'POST', body });
export const approveArticle = (id: string) => api<Article>(articlePath(id, '/approve'), { method: 'POST' });
export const archiveArticle = (id: string) =>
  api<Article>(articlePath(id), { method: 'PATCH', body: { status: 'archived' } });

export interface NewContact {
  channel: string;
  kind: 'call' | 'visit' | 'inquiry' | 'follow_up' | 'other';
  summary: string;
  outcome?: string;
  durationMinutes?: number;
}

export const logContact = (beneficiaryId: string, body: NewContact) =>
  api<{ id: string }>(`/beneficiaries/${encodeURIComponent(beneficiaryId)}/interactions`, {
    method: 'POST',
    body,
  });
