import type { Beneficiary, BeneficiarySummary } from '../../../shared/contracts/beneficiaries';
import { gregorianToHijri } from '../../../shared/dates-hijri';
import { householdIncome } from '../../../shared/eligibility/rules';
import { validateNationalId } from '../../../shared/saudi/national-id';
import type { BeneficiaryRow, HouseholdRow, SummaryRow } from './beneficiaries.repository';
import type { DeclarationRow } from './beneficiary-records.repository';

export function hijriOf(date: string | null): string | null {
  if (!date) return null;
  try {
    return gregorianToHijri(date);
  } catch {
    return null;
  }
}

export function householdFigures(row: BeneficiaryRow, members: HouseholdRow[]) {
  const size = members.length + 1;
  const amounts = [
    ...row.incomeSources.map((s) => Number(s.monthlyAmount)),
    ...members.map((m) => Number(m.monthlyIncome)),
  ];
  return { size, ...householdIncome(amounts, size) };
}

/** Is the latest signature valid for the current text and the current data? */
export function declarationState(
  row: BeneficiaryRow,
  latest: DeclarationRow | undefined,
  currentTextVersion: number,
): Beneficiary['declaration'] {
  if (!latest) return { current: false, signedAt: null, reason: 'never_signed' };
  const signedAt = latest.signedAt.toISOString();
  if (latest.textVersion !== currentTextVersion) return { current: false, signedAt, reason: 'text_changed' };
  if (latest.dataVersion !== row.dataVersion) return { current: false, signedAt, reason: 'data_changed' };
  return { current: true, signedAt, reason: null };
}

export function presentBeneficiary(
  row: BeneficiaryRow,
  extra: {
    members: HouseholdRow[];
    declaration: Beneficiary['declaration'];
    expiredDocuments: number;
    canReadHealth: boolean;
  },
): Beneficiary {
  const id = validateNationalId(row.nationalId);
  return {
    id: row.id,
    fileNumber: row.fileNumber,
    nationalId: row.nationalId,
    idKind: id.ok ? id.kind : 'citizen',
    fullNameAr: row.fullNameAr,
    fullNameEn: row.fullNameEn,
    gender: row.gender,
    birthDate: row.birthDate,
    birthDateHijri: hijriOf(row.birthDate) ?? '',
    nationality: row.nationality,
    maritalStatus: (row.maritalStatus as Beneficiary['maritalStatus']) ?? null,
    phone: row.phone,
    altPhone: row.altPhone,
    email: row.email,
    region: row.region,
    city: row.city,
    district: row.district,
    address: row.address,
    preferredChannel: row.preferredChannel,
    preferredLanguage: row.preferredLanguage === 'en' ? 'en' : 'ar',
    categories: row.categories,
    incomeSources: row.incomeSources.map((s) => ({
      source: s.source,
      monthlyAmount: Number(s.monthlyAmount),
    })),
    housing: (row.housing as Beneficiary['housing']) ?? null,
    ...(extra.canReadHealth ? { healthConditions: row.healthConditions } : {}),
    notes: row.notes,
    status: row.status,
    statusReason: row.statusReason,
    legalHold: row.legalHold,
    household: householdFigures(row, extra.members),
    declaration: extra.declaration,
    expiredDocuments: extra.expiredDocuments,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function presentSummary(row: SummaryRow): BeneficiarySummary {
  return { ...row, fullNameEn: row.fullNameEn ?? null };
}

export function presentMember(m: HouseholdRow, canReadHealth: boolean) {
  return {
    id: m.id,
    relation: m.relation as 'spouse',
    fullName: m.fullName,
    nationalId: m.nationalId,
    birthDate: m.birthDate,
    birthDateHijri: hijriOf(m.birthDate),
    gender: m.gender,
    monthlyIncome: Number(m.monthlyIncome),
    ...(canReadHealth ? { health: m.health } : {}),
    schooling: m.schooling,
  };
}
