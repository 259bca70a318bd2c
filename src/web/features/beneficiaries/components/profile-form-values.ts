import { toNestErrors } from '@hookform/resolvers';
import type { FieldErrors, Resolver } from 'react-hook-form';
import type { z } from 'zod';
import {
  type Beneficiary,
  type CreateBeneficiary,
  createBeneficiarySchema,
  updateBeneficiarySchema,
} from '../../../../shared/contracts/beneficiaries';
import { normalizeDigits } from '../../../../shared/digits';
import { i18n } from '../../../i18n';
import type { Calendar } from './calendar-date-field';

/** The profile form as the officer fills it; `toBody` turns it into the API's shape. */
export interface ProfileFormValues {
  nationalId: string;
  fullNameAr: string;
  fullNameEn: string;
  birthCalendar: Calendar;
  birthDate: string;
  gender: string | null;
  phone: string;
  altPhone: string;
  email: string;
  nationality: string | null;
  otherNationality: string;
  city: string;
  region: string;
  district: string;
  address: string;
  maritalStatus: string | null;
  preferredChannel: string | null;
  preferredLanguage: string;
  categories: string[];
  housingType: string | null;
  housingOwnership: string | null;
  monthlyRent: string;
  incomeSources: { source: string; monthlyAmount: string }[];
  healthText: string;
  notes: string;
  channel: string | null;
}

export const emptyProfile = (nationalId: string): ProfileFormValues => ({
  nationalId,
  fullNameAr: '',
  fullNameEn: '',
  birthCalendar: 'hijri',
  birthDate: '',
  gender: null,
  phone: '',
  altPhone: '',
  email: '',
  nationality: 'SA',
  otherNationality: '',
  city: '',
  region: '',
  district: '',
  address: '',
  maritalStatus: null,
  preferredChannel: null,
  preferredLanguage: 'ar',
  categories: [],
  housingType: null,
  housingOwnership: null,
  monthlyRent: '',
  incomeSources: [],
  healthText: '',
  notes: '',
  channel: null,
});

export function profileFromBeneficiary(b: Beneficiary, common: readonly string[]): ProfileFormValues {
  const known = common.includes(b.nationality);
  return {
    ...emptyProfile(b.nationalId),
    fullNameAr: b.fullNameAr,
    fullNameEn: b.fullNameEn ?? '',
    birthCalendar: 'hijri',
    birthDate: b.birthDateHijri,
    gender: b.gender,
    phone: b.phone,
    altPhone: b.altPhone ?? '',
    email: b.email ?? '',
    nationality: known ? b.nationality : 'other',
    otherNationality: known ? '' : b.nationality,
    city: b.city,
    region: b.region ?? '',
    district: b.district ?? '',
    address: b.address ?? '',
    maritalStatus: b.maritalStatus,
    preferredChannel: b.preferredChannel,
    preferredLanguage: b.preferredLanguage,
    categories: [...b.categories],
    housingType: b.housing?.type ?? null,
    housingOwnership: b.housing?.ownership ?? null,
    monthlyRent: b.housing?.monthlyRent !== undefined ? String(b.housing.monthlyRent) : '',
    incomeSources: b.incomeSources.map((s) => ({ source: s.source, monthlyAmount: String(s.monthlyAmount) })),
    healthText: (b.healthConditions ?? []).join('\n'),
    notes: b.notes ?? '',
  };
}

const text = (v: string) => (v.trim() === '' ? undefined : v);

/** The request body; empty optional fields are left out rather than sent as ''. */
export function toBody(v: ProfileFormValues, withHealth: boolean): CreateBeneficiary {
  const nationality = (v.nationality === 'other' ? v.otherNationality : (v.nationality ?? ''))
    .trim()
    .toUpperCase();
  const body: Record<string, unknown> = {
    nationalId: v.nationalId,
    fullNameAr: v.fullNameAr,
    fullNameEn: text(v.fullNameEn),
    [v.birthCalendar === 'hijri' ? 'birthDateHijri' : 'birthDate']: text(v.birthDate),
    gender: v.gender ?? undefined,
    phone: v.phone,
    altPhone: text(v.altPhone),
    email: text(v.email),
    nationality,
    city: v.city,
    region: text(v.region),
    district: text(v.district),
    address: text(v.address),
    maritalStatus: v.maritalStatus ?? undefined,
    preferredChannel: v.preferredChannel ?? undefined,
    preferredLanguage: v.preferredLanguage,
    categories: v.categories,
    incomeSources: v.incomeSources
      .filter((s) => s.source.trim() || s.monthlyAmount.trim())
      .map((s) => ({ source: s.source, monthlyAmount: normalizeDigits(s.monthlyAmount) })),
    notes: text(v.notes),
    channel: v.channel ?? undefined,
  };
  if (v.housingType || v.housingOwnership) {
    body.housing = {
      type: v.housingType ?? undefined,
      ownership: v.housingOwnership ?? undefined,
      monthlyRent: text(normalizeDigits(v.monthlyRent)),
    };
  }
  if (withHealth) {
    body.healthConditions = v.healthText
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean);
  }
  return body as CreateBeneficiary;
}

/** An API or schema path (`housing.type`, `birthDateHijri`) → the form field that shows it. */
export function formFieldOf(
  path: string,
): keyof ProfileFormValues | `incomeSources.${number}.${string}` | null {
  if (path === 'birthDate' || path === 'birthDateHijri') return 'birthDate';
  if (path === 'housing.type' || path === 'housing') return 'housingType';
  if (path === 'housing.ownership') return 'housingOwnership';
  if (path === 'housing.monthlyRent') return 'monthlyRent';
  if (path.startsWith('healthConditions')) return 'healthText';
  if (path.startsWith('categories')) return 'categories';
  if (/^incomeSources\.\d+\.(source|monthlyAmount)$/.test(path))
    return path as `incomeSources.${number}.${string}`;
  if (path === 'nationality') return 'nationality';
  const top = path.split('.')[0] as keyof ProfileFormValues;
  return top in emptyProfile('') ? top : null;
}

/** Validates with the same shared schema the server uses, plus the intake's own required fields. */
export function profileResolver(
  mode: 'create' | 'edit',
  withHealth: () => boolean,
): Resolver<ProfileFormValues> {
  return async (values, _context, options) => {
    const errors: Record<string, { type: string; message: string }> = {};
    const put = (field: string | null, message: string) => {
      if (field && !errors[field]) errors[field] = { type: 'validate', message };
    };
    const body = toBody(values, withHealth());
    const schema: z.ZodType = mode === 'create' ? createBeneficiarySchema : updateBeneficiarySchema;
    const result = schema.safeParse(body);
    if (!result.success) {
      for (const issue of result.error.issues) {
        const field = formFieldOf(issue.path.join('.'));
        // A typed country code of the wrong shape: say what a code looks like.
        if (field === 'nationality' && body.nationality) {
          put(field, i18n.t('beneficiaries.fields.nationalityCodeInvalid'));
          continue;
        }
        const message = i18n.exists(`errors.${issue.message}`)
          ? i18n.t(`errors.${issue.message}`)
          : issue.message;
        put(field, message);
      }
    }
    if (!values.birthDate.trim()) put('birthDate', i18n.t('validation.required'));
    if (mode === 'create' && !values.channel) put('channel', i18n.t('validation.required'));
    if (Object.keys(errors).length) {
      return { values: {}, errors: toNestErrors(errors as FieldErrors, options) };
    }
    return { values, errors: {} };
  };
}
