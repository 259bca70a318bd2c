import { queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import type { ServiceRequest } from '../../../shared/contracts/requests';
import type { Service } from '../../../shared/contracts/services';
import type {
  evaluationSchema,
  rulesDocumentSchema,
  verificationTaskSchema,
  workTaskSchema,
} from '../../../shared/contracts/verification';
import type { RuleSet } from '../../../shared/eligibility/rules';
import { api, apiBase, withQuery } from '../../lib/api';

export type VerificationTask = z.infer<typeof verificationTaskSchema>;
/** A task in a work list: with its request and the person it is about (the phone on one's own tasks). */
export type WorkTask = z.infer<typeof workTaskSchema>;
export type Evaluation = z.infer<typeof evaluationSchema>;
export type RulesDocument = z.infer<typeof rulesDocumentSchema>;
export type Mechanism = VerificationTask['mechanism'];
export type TaskRecommendation = NonNullable<VerificationTask['recommendation']>;

export interface TaskPhoto {
  id: string;
  contentType: string;
  size: number;
  createdAt: string;
}

export interface FraudSignal {
  key: string;
  kind: 'duplicate' | 'same_phone' | 'member_elsewhere' | 'document_elsewhere' | 'many_requests' | string;
  otherBeneficiaryId: string | null;
  otherFileNumber: string | null;
  detail: string | null;
  dismissed: boolean;
  dismissReason: string | null;
}

export interface WhatIfResult {
  evaluated: number;
  changed: number;
  changedWithOpenRequest: number;
  sample: { beneficiaryId: string; fileNumber: string; fullNameAr: string; before: string; after: string }[];
  elapsedMs: number;
}

/** تقرير البحث الاجتماعي — the researcher's report that closes verification, read-only once submitted. */
export interface ResearchReport {
  id: string;
  requestId: string;
  bodyAr: string;
  recommendation: TaskRecommendation;
  status: 'draft' | 'submitted';
  authorName: string | null;
  updatedAt: string;
  submittedAt: string | null;
}

export interface SaveResearchReport {
  bodyAr: string;
  recommendation: TaskRecommendation;
  submit: boolean;
}

interface Page<T> {
  items: T[];
  total: number;
  nextCursor: string | null;
}

const enc = encodeURIComponent;

export const verificationKeys = {
  all: ['verification'] as const,
  mine: ['verification', 'mine'] as const,
  available: ['verification', 'available'] as const,
  requestTasks: (requestId: string) => ['verification', 'request', requestId, 'tasks'] as const,
  request: (requestId: string) => ['verification', 'request', requestId] as const,
  evaluation: (requestId: string) => ['verification', 'request', requestId, 'evaluation'] as const,
  signals: (requestId: string) => ['verification', 'request', requestId, 'signals'] as const,
  report: (requestId: string) => ['verification', 'request', requestId, 'report'] as const,
  photos: (taskId: string) => ['verification', 'task', taskId, 'photos'] as const,
  services: ['verification', 'services'] as const,
  service: (id: string) => ['verification', 'service', id] as const,
  rules: (serviceId: string) => ['verification', 'rules', serviceId] as const,
};

export const myTasksQuery = queryOptions({
  queryKey: verificationKeys.mine,
  queryFn: ({ signal }) => api<{ items: WorkTask[] }>('/verifications/mine', { signal }).then((r) => r.items),
});

/** Open tasks nobody has taken yet (name and place of the person, no phone). */
export const availableTasksQuery = queryOptions({
  queryKey: verificationKeys.available,
  queryFn: ({ signal }) =>
    api<{ items: WorkTask[] }>('/verifications/available', { signal }).then((r) => r.items),
});

/** Takes an open task for oneself; refused (409 CONFLICT) when a colleague took it in the meantime. */
export const takeTask = (taskId: string, userId: string) =>
  api<VerificationTask>(`/verifications/${enc(taskId)}`, {
    method: 'PATCH',
    body: { assigneeId: userId, onlyIfUnassigned: true },
  });

export const requestTasksQuery = (requestId: string) =>
  queryOptions({
    queryKey: verificationKeys.requestTasks(requestId),
    queryFn: ({ signal }) =>
      api<{ items: VerificationTask[] }>(`/requests/${enc(requestId)}/verifications`, { signal }).then(
        (r) => r.items,
      ),
  });

export const requestQuery = (requestId: string) =>
  queryOptions({
    queryKey: verificationKeys.request(requestId),
    queryFn: ({ signal }) => api<ServiceRequest>(`/requests/${enc(requestId)}`, { signal }),
  });

export const evaluationQuery = (requestId: string) =>
  queryOptions({
    queryKey: verificationKeys.evaluation(requestId),
    queryFn: ({ signal }) => api<Evaluation>(`/requests/${enc(requestId)}/evaluation`, { signal }),
  });

export const fraudSignalsQuery = (requestId: string) =>
  queryOptions({
    queryKey: verificationKeys.signals(requestId),
    queryFn: ({ signal }) =>
      api<{ items: FraudSignal[] }>(`/requests/${enc(requestId)}/fraud-signals`, { signal }).then(
        (r) => r.items,
      ),
  });

export const researchReportQuery = (requestId: string) =>
  queryOptions({
    queryKey: verificationKeys.report(requestId),
    queryFn: ({ signal }) =>
      api<{ report: ResearchReport | null }>(`/requests/${enc(requestId)}/research-report`, { signal }).then(
        (r) => r.report,
      ),
  });

export const saveResearchReport = (requestId: string, body: SaveResearchReport) =>
  api<{ report: ResearchReport }>(`/requests/${enc(requestId)}/research-report`, {
    method: 'PUT',
    body,
  }).then((r) => r.report);

export const researchReportPdfUrl = (requestId: string) =>
  `${apiBase}/requests/${enc(requestId)}/research-report.pdf`;

export const taskPhotosQuery = (taskId: string) =>
  queryOptions({
    queryKey: verificationKeys.photos(taskId),
    queryFn: ({ signal }) =>
      api<{ items: TaskPhoto[] }>(`/verifications/${enc(taskId)}/photos`, { signal }).then((r) => r.items),
  });

export const photoUrl = (taskId: string, photoId: string) =>
  `${apiBase}/verifications/${enc(taskId)}/photos/${enc(photoId)}`;

export const servicesQuery = queryOptions({
  queryKey: verificationKeys.services,
  queryFn: ({ signal }) =>
    api<Page<Service>>(withQuery('/services', { limit: 100 }), { signal }).then((r) => r.items),
  staleTime: 5 * 60_000,
});

export const serviceQuery = (id: string) =>
  queryOptions({
    queryKey: verificationKeys.service(id),
    queryFn: ({ signal }) => api<Service>(`/services/${enc(id)}`, { signal }),
    staleTime: 5 * 60_000,
  });

export const rulesQuery = (serviceId: string) =>
  queryOptions({
    queryKey: verificationKeys.rules(serviceId),
    queryFn: ({ signal }) => api<RulesDocument>(`/services/${enc(serviceId)}/rules`, { signal }),
  });

export const saveRules = (serviceId: string, body: RuleSet) =>
  api<RulesDocument>(`/services/${enc(serviceId)}/rules`, { method: 'PUT', body });

export const previewRules = (serviceId: string, body: RuleSet) =>
  api<WhatIfResult>(`/services/${enc(serviceId)}/rules/what-if`, { method: 'POST', body });

export const completeTask = (
  taskId: string,
  body: { answers: Record<string, unknown>; findings: string; recommendation: TaskRecommendation },
) => api<VerificationTask>(`/verifications/${enc(taskId)}/complete`, { method: 'POST', body });

export const dismissSignal = (requestId: string, body: { key: string; reason: string }) =>
  api<{ items: FraudSignal[] }>(`/requests/${enc(requestId)}/fraud-signals/dismiss`, {
    method: 'POST',
    body,
  }).then((r) => r.items);

/** Uploads one photo (multipart field `file`); a network failure is an ApiError with code NETWORK. */
export async function uploadTaskPhoto(taskId: string, file: Blob, name: string): Promise<TaskPhoto> {
  const form = new FormData();
  form.append('file', file, name);
  return api<TaskPhoto>(`/verifications/${enc(taskId)}/photos`, { method: 'POST', body: form });
}
