import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import type { Appointment, AppointmentInput, Slots } from '../../../shared/contracts/appointments';
import type {
  Beneficiary,
  BeneficiaryDocument,
  BeneficiarySummary,
  CreateBeneficiary,
  consentPurposes,
  declarationSchema,
  HouseholdMemberInput,
  householdMemberSchema,
  interactionInputSchema,
  SearchBeneficiariesQuery,
  SignDeclaration,
  TimelineGroup,
  TimelineItem,
  UpdateBeneficiary,
} from '../../../shared/contracts/beneficiaries';
import type { Partner, PartnerReferral, PartnerReferralInput } from '../../../shared/contracts/partners';
import type { Service } from '../../../shared/contracts/services';
import { ApiError, api, apiBase, withQuery } from '../../lib/api';

export type HouseholdMember = z.infer<typeof householdMemberSchema>;
export type Declaration = z.infer<typeof declarationSchema>;
export type InteractionInput = z.infer<typeof interactionInputSchema>;
export type ConsentPurpose = (typeof consentPurposes)[number];
export interface Consent {
  purpose: ConsentPurpose;
  granted: boolean;
  channel: string;
  recordedAt: string;
  recordedBy: string | null;
  /** Granted under an older consent text than the one in force: ask again. */
  textChanged?: boolean;
}
export interface DeclarationText {
  version: number;
  bodyAr: string;
  bodyEn: string;
  createdAt: string;
}
export interface DuplicatePair {
  id: string;
  reasons: string[];
  createdAt: string;
  a: BeneficiarySummary;
  b: BeneficiarySummary;
}
export interface BeneficiaryPage {
  items: BeneficiarySummary[];
  total: number;
  nextCursor: string | null;
}
export type BeneficiaryFilter = Pick<SearchBeneficiariesQuery, 'q' | 'category' | 'city' | 'status'>;

const path = (id: string, rest = '') => `/beneficiaries/${encodeURIComponent(id)}${rest}`;

export const beneficiaryKeys = {
  all: ['beneficiaries'] as const,
  list: (filter: BeneficiaryFilter) => ['beneficiaries', 'list', filter] as const,
  lookup: (nationalId: string) => ['beneficiaries', 'lookup', nationalId] as const,
  detail: (id: string) => ['beneficiaries', 'detail', id] as const,
  part: (id: string, part: string) => ['beneficiaries', 'detail', id, part] as const,
  duplicates: ['beneficiaries', 'duplicates'] as const,
  declarationText: ['declaration-text'] as const,
};

export const beneficiaryListQuery = (filter: BeneficiaryFilter) =>
  infiniteQueryOptions({
    queryKey: beneficiaryKeys.list(filter),
    queryFn: ({ pageParam, signal }) =>
      api<BeneficiaryPage>(withQuery('/beneficiaries', { ...filter, limit: 25, cursor: pageParam }), {
        signal,
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

export const beneficiaryQuery = (id: string) =>
  queryOptions({
    queryKey: beneficiaryKeys.detail(id),
    queryFn: ({ signal }) => api<Beneficiary>(path(id), { signal }),
  });

/**
 * The record a merged record's person now lives in: the API answers 410 BENEFICIARY_MERGED with its
 * id (decision 007), so a page opened from an old link or bookmark can follow the person.
 */
export function mergedInto(error: unknown): string | null {
  if (!(error instanceof ApiError) || error.code !== 'BENEFICIARY_MERGED') return null;
  const id = error.details?.mergedInto;
  return typeof id === 'string' ? id : null;
}

const itemsQuery = <T>(id: string, part: string) =>
  queryOptions({
    queryKey: beneficiaryKeys.part(id, part),
    queryFn: ({ signal }) => api<{ items: T[] }>(path(id, `/${part}`), { signal }).then((r) => r.items),
  });

export const householdQuery = (id: string) => itemsQuery<HouseholdMember>(id, 'household');
export const documentsQuery = (id: string) => itemsQuery<BeneficiaryDocument>(id, 'documents');
export const declarationsQuery = (id: string) => itemsQuery<Declaration>(id, 'declarations');
export const consentsQuery = (id: string) => itemsQuery<Consent>(id, 'consents');
/** The timeline, whole or one group of it (`?group=`); each group is cached on its own. */
export const timelineQuery = (id: string, group: TimelineGroup | null = null) =>
  queryOptions({
    queryKey: [...beneficiaryKeys.part(id, 'timeline'), group ?? 'all'],
    queryFn: ({ signal }) =>
      api<{ items: TimelineItem[] }>(withQuery(path(id, '/timeline'), { group: group ?? undefined }), {
        signal,
      }).then((r) => r.items),
  });

export const declarationTextQuery = queryOptions({
  queryKey: beneficiaryKeys.declarationText,
  queryFn: ({ signal }) => api<DeclarationText>('/declaration-text', { signal }),
});

export const duplicatesQuery = queryOptions({
  queryKey: beneficiaryKeys.duplicates,
  queryFn: ({ signal }) =>
    api<{ items: DuplicatePair[] }>('/beneficiaries/duplicates', { signal }).then((r) => r.items),
});

/** Looks for an existing record with this national ID before a new one is registered. */
export async function lookupNationalId(nationalId: string): Promise<BeneficiarySummary | null> {
  const page = await api<BeneficiaryPage>(withQuery('/beneficiaries', { q: nationalId, limit: 5 }));
  return page.items.find((item) => item.nationalId === nationalId) ?? null;
}

export const createBeneficiary = (body: CreateBeneficiary) =>
  api<Beneficiary>('/beneficiaries', { method: 'POST', body });
export const updateBeneficiary = (id: string, body: UpdateBeneficiary) =>
  api<Beneficiary>(path(id), { method: 'PATCH', body });
export const changeStatus = (id: string, body: { status: Beneficiary['status']; reason: string }) =>
  api<Beneficiary>(path(id, '/status'), { method: 'POST', body });
export const addHouseholdMember = (id: string, body: HouseholdMemberInput) =>
  api<HouseholdMember>(path(id, '/household'), { method: 'POST', body });
export const removeHouseholdMember = (id: string, memberId: string) =>
  api<void>(path(id, `/household/${encodeURIComponent(memberId)}`), { method: 'DELETE' });
export const signDeclaration = (id: string, body: SignDeclaration) =>
  api<{ id: string; textVersion: number; signedAt: string }>(path(id, '/declarations'), {
    method: 'POST',
    body,
  });
export const recordConsent = (
  id: string,
  body: { purpose: ConsentPurpose; granted: boolean; channel: string },
) => api<Consent>(path(id, '/consents'), { method: 'POST', body });
export const recordInteraction = (id: string, body: InteractionInput) =>
  api<{ id: string }>(path(id, '/interactions'), { method: 'POST', body });
export const dismissDuplicate = (pairId: string, reason: string) =>
  api<void>(`/beneficiaries/duplicates/${encodeURIComponent(pairId)}/dismiss`, {
    method: 'POST',
    body: { reason },
  });
export const mergeDuplicate = (pairId: string, keepId: string) =>
  api<Beneficiary>(`/beneficiaries/duplicates/${encodeURIComponent(pairId)}/merge`, {
    method: 'POST',
    body: { keepId },
  });
export const setLegalHold = (id: string, hold: boolean, reason: string) =>
  api<Beneficiary>(path(id, '/legal-hold'), { method: 'POST', body: { hold, reason } });
export const destroyBeneficiary = (id: string, reason: string) =>
  api<Beneficiary>(path(id, '/destroy'), { method: 'POST', body: { reason } });

/** Addresses opened by the browser itself (downloads, new tabs), carrying the session cookie. */
export const fileUrls = {
  document: (id: string, documentId: string) =>
    `${apiBase}${path(id, `/documents/${encodeURIComponent(documentId)}/file`)}`,
  exportJson: (id: string) => `${apiBase}${path(id, '/export')}`,
  exportHtml: (id: string) => `${apiBase}${path(id, '/export.html')}`,
};

/** `POST /beneficiaries/:id/documents` as multipart/form-data. */
export async function uploadDocument(
  id: string,
  file: File,
  fields: Record<string, string | undefined>,
): Promise<BeneficiaryDocument> {
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) if (value) form.append(key, value);
  form.append('file', file, file.name);
  return api<BeneficiaryDocument>(path(id, '/documents'), { method: 'POST', body: form });
}

export const partnersQuery = queryOptions({
  queryKey: ['partners', 'active'] as const,
  queryFn: ({ signal }) =>
    api<{ items: Partner[] }>('/partners?active=true', { signal }).then((r) => r.items),
});

export const createPartnerReferral = (id: string, input: PartnerReferralInput) =>
  api<PartnerReferral>(path(id, '/partner-referrals'), { method: 'POST', body: input });

export const servicesForBookingQuery = queryOptions({
  queryKey: ['services', 'list', { active: 'true' }, 'booking'] as const,
  queryFn: ({ signal }) =>
    api<{ items: Service[] }>('/services?active=true&limit=100', { signal }).then((r) => r.items),
});

export const slotsQuery = (date: string, serviceId: string | null) =>
  queryOptions({
    queryKey: ['appointments', 'slots', date, serviceId] as const,
    queryFn: ({ signal }) =>
      api<Slots>(withQuery('/appointments/slots', { date, serviceId: serviceId ?? undefined }), { signal }),
  });

export const bookAppointment = (input: AppointmentInput) =>
  api<Appointment>('/appointments', { method: 'POST', body: input });
