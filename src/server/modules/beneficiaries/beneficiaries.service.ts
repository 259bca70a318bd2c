// Owns the beneficiary registry: who the beneficiary is (profile, household), duplicate checks at
// registration, status, and search. Every read of a profile and every change writes an audit event.
import type {
  Beneficiary,
  CreateBeneficiary,
  DuplicateMatch,
  HouseholdMemberInput,
  UpdateBeneficiary,
} from '../../../shared/contracts/beneficiaries';
import type { OrganizationSettings } from '../../../shared/contracts/organization';
import { hijriToGregorian } from '../../../shared/dates-hijri';
import { can } from '../../../shared/permissions';
import { recordAudit } from '../../platform/audit/audit';
import type { Clock } from '../../platform/clock';
import { localToday } from '../../platform/clock';
import type { Db, Tx } from '../../platform/db/database';
import type { ActorContext } from '../../platform/http/context';
import { AppError, notFound } from '../../platform/http/errors';
import type { OrganizationService } from '../organizations/organizations.service';
import { declarationState, presentBeneficiary, presentMember } from './beneficiaries.presenter';
import {
  type BeneficiaryRow,
  deleteHouseholdMember,
  findBeneficiary,
  findByNationalId,
  findDuplicateCandidates,
  insertBeneficiary,
  insertHouseholdMember,
  insertSuspicions,
  listHousehold,
  nextFileNumber,
  updateBeneficiaryRow,
} from './beneficiaries.repository';
import { findSurvivor } from './beneficiary-privacy.repository';
import {
  countExpiredDocuments,
  currentDeclarationText,
  insertInteraction,
  listDeclarations,
} from './beneficiary-records.repository';

/** Fields whose change makes the signed declaration outdated (the beneficiary must sign again). */
const materialFields = [
  'nationalId',
  'fullNameAr',
  'birthDate',
  'phone',
  'maritalStatus',
  'incomeSources',
  'housing',
  'categories',
] as const;

export type BeneficiaryService = ReturnType<typeof createBeneficiaryService>;

/** Gregorian date from either calendar; field errors name the field the client sent. */
export function resolveDate(
  gregorian: string | undefined,
  hijri: string | undefined,
  field: string,
): string | undefined {
  if (gregorian) return gregorian;
  if (!hijri) return undefined;
  const converted = hijriToGregorian(hijri);
  if (!converted)
    throw new AppError(400, 'INVALID_HIJRI_DATE', { fields: { [`${field}Hijri`]: 'INVALID_HIJRI_DATE' } });
  return converted;
}

export function assertKnownCodes(
  settings: OrganizationSettings,
  input: { categories?: string[]; channel?: string; preferredChannel?: string },
) {
  const fields: Record<string, string> = {};
  const categories = new Set(settings.beneficiaryCategories.map((c) => c.code));
  input.categories?.forEach((c, i) => {
    if (!categories.has(c)) fields[`categories.${i}`] = 'UNKNOWN_CODE';
  });
  const channels = new Set(settings.channels.filter((c) => c.enabled).map((c) => c.code));
  if (input.channel && !channels.has(input.channel)) fields.channel = 'UNKNOWN_CODE';
  if (input.preferredChannel && !channels.has(input.preferredChannel))
    fields.preferredChannel = 'UNKNOWN_CODE';
  if (Object.keys(fields).length) throw new AppError(400, 'UNKNOWN_CODE', { fields });
}

export function createBeneficiaryService(deps: { db: Db; organizations: OrganizationService; clock: Clock }) {
  const { db, organizations, clock } = deps;

  /** Refuses a second record of the same national ID; asks staff to look at possible duplicates first. */
  async function checkDuplicates(
    tx: Tx,
    ctx: ActorContext,
    probe: {
      excludeId: string | null;
      nationalId: string;
      phone: string;
      fullNameAr: string;
      birthDate: string;
    },
    acknowledged: string[],
  ): Promise<DuplicateMatch[]> {
    const org = ctx.actor.organizationId;
    const same = await findByNationalId(tx, org, probe.nationalId);
    if (same && same.id !== probe.excludeId) {
      throw new AppError(409, 'DUPLICATE_BENEFICIARY', {
        existing: { id: same.id, fileNumber: same.fileNumber, fullNameAr: same.fullNameAr },
      });
    }
    const byId = new Map<string, DuplicateMatch>();
    for (const c of await findDuplicateCandidates(tx, org, probe)) {
      const match = byId.get(c.id) ?? {
        id: c.id,
        fileNumber: c.fileNumber,
        fullNameAr: c.fullNameAr,
        nationalId: c.nationalId,
        reasons: [],
      };
      if (!match.reasons.includes(c.reason)) match.reasons.push(c.reason);
      byId.set(c.id, match);
    }
    const matches = [...byId.values()];
    const unacknowledged = matches.filter((m) => !acknowledged.includes(m.id));
    if (unacknowledged.length) throw new AppError(409, 'POSSIBLE_DUPLICATES', { matches });
    return matches;
  }

  async function recordSuspicions(
    tx: Tx,
    ctx: ActorContext,
    beneficiaryId: string,
    matches: DuplicateMatch[],
  ) {
    if (!matches.length) return;
    await insertSuspicions(
      tx,
      matches.map((m) => ({
        organizationId: ctx.actor.organizationId,
        beneficiaryId,
        otherId: m.id,
        reasons: m.reasons,
        acknowledgedBy: ctx.actor.userId,
      })),
    );
  }

  /**
   * The live record, or 404. A merged record answers 410 BENEFICIARY_MERGED with the id of the record
   * the person now lives in (decision 007), so no client is left with a bare "not found".
   */
  async function load(tx: Tx, ctx: ActorContext, id: string, lock = false): Promise<BeneficiaryRow> {
    const row = await findBeneficiary(tx, ctx.actor.organizationId, id, lock);
    if (!row) throw notFound();
    if (row.mergedInto) {
      const survivor = await findSurvivor(tx, ctx.actor.organizationId, row.mergedInto);
      throw new AppError(410, 'BENEFICIARY_MERGED', { mergedInto: survivor ?? row.mergedInto });
    }
    return row;
  }

  /** The full profile as the actor may see it. */
  async function present(tx: Tx, ctx: ActorContext, row: BeneficiaryRow): Promise<Beneficiary> {
    const org = await organizations.getOrganization(ctx.actor.organizationId, tx);
    // One after the other: the request's queries share its one transaction connection.
    const members = await listHousehold(tx, row.id);
    const signed = await listDeclarations(tx, row.id);
    const text = await currentDeclarationText(tx, ctx.actor.organizationId);
    const expired = await countExpiredDocuments(tx, row.id, localToday(clock, org.settings.timeZone));
    return presentBeneficiary(row, {
      members,
      declaration: declarationState(row, signed[0], text?.version ?? 1),
      expiredDocuments: expired,
      canReadHealth: can(ctx.actor.roles, 'beneficiaries.read_health'),
    });
  }

  return {
    load,
    present,

    async registerBeneficiary(ctx: ActorContext, input: CreateBeneficiary): Promise<Beneficiary> {
      const org = await organizations.getOrganization(ctx.actor.organizationId);
      assertKnownCodes(org.settings, input);
      const birthDate = resolveDate(input.birthDate, input.birthDateHijri, 'birthDate');
      if (!birthDate) throw new AppError(400, 'VALIDATION_FAILED', { fields: { birthDate: 'required' } });
      return db.transaction(async (tx) => {
        const matches = await checkDuplicates(
          tx,
          ctx,
          {
            excludeId: null,
            nationalId: input.nationalId,
            phone: input.phone,
            fullNameAr: input.fullNameAr,
            birthDate,
          },
          input.acknowledgedDuplicateIds ?? [],
        );
        const row = await insertBeneficiary(tx, {
          organizationId: ctx.actor.organizationId,
          fileNumber: await nextFileNumber(tx, ctx.actor.organizationId),
          nationalId: input.nationalId,
          fullNameAr: input.fullNameAr,
          fullNameEn: input.fullNameEn || null,
          gender: input.gender,
          birthDate,
          nationality: input.nationality,
          maritalStatus: input.maritalStatus ?? null,
          phone: input.phone,
          altPhone: input.altPhone ?? null,
          region: input.region || null,
          city: input.city,
          district: input.district || null,
          address: input.address || null,
          preferredChannel: input.preferredChannel ?? input.channel ?? null,
          preferredLanguage: input.preferredLanguage ?? 'ar',
          categories: input.categories ?? [],
          incomeSources: input.incomeSources ?? [],
          housing: input.housing ?? null,
          healthConditions: input.healthConditions ?? [],
          notes: input.notes || null,
          createdBy: ctx.actor.userId,
        });
        await recordSuspicions(tx, ctx, row.id, matches);
        if (input.channel) {
          // The visit itself is an interaction on the channel used (policy step 1).
          await insertInteraction(tx, {
            organizationId: row.organizationId,
            beneficiaryId: row.id,
            channel: input.channel,
            kind: 'intake',
            summary: 'registration',
            staffId: ctx.actor.userId,
          });
        }
        await recordAudit(tx, ctx, {
          action: 'beneficiaries.create',
          entityType: 'beneficiary',
          entityId: row.id,
          details: { fileNumber: row.fileNumber, acknowledgedDuplicates: matches.map((m) => m.id) },
        });
        return present(tx, ctx, row);
      });
    },

    /** Reading a profile is itself audited (PDPL: audit of every access to personal data). */
    async getBeneficiary(ctx: ActorContext, id: string): Promise<Beneficiary> {
      return db.transaction(async (tx) => {
        const row = await load(tx, ctx, id);
        await recordAudit(tx, ctx, { action: 'beneficiaries.read', entityType: 'beneficiary', entityId: id });
        return present(tx, ctx, row);
      });
    },

    async updateBeneficiary(ctx: ActorContext, id: string, input: UpdateBeneficiary): Promise<Beneficiary> {
      const org = await organizations.getOrganization(ctx.actor.organizationId);
      assertKnownCodes(org.settings, input);
      const birthDate = resolveDate(input.birthDate, input.birthDateHijri, 'birthDate');
      return db.transaction(async (tx) => {
        const before = await load(tx, ctx, id, true);
        if (before.destroyedAt) throw new AppError(409, 'BENEFICIARY_DESTROYED');
        const { acknowledgedDuplicateIds, birthDateHijri: _h, ...fields } = input;
        const changes: Partial<BeneficiaryRow> = {
          ...fields,
          ...(birthDate ? { birthDate } : {}),
        } as Partial<BeneficiaryRow>;
        const changed = Object.keys(changes).filter(
          (k) =>
            JSON.stringify(changes[k as keyof BeneficiaryRow]) !==
            JSON.stringify(before[k as keyof BeneficiaryRow]),
        );
        if (changes.nationalId || changes.phone) {
          const matches = await checkDuplicates(
            tx,
            ctx,
            {
              excludeId: id,
              nationalId: changes.nationalId ?? before.nationalId,
              phone: changes.phone ?? before.phone,
              fullNameAr: changes.fullNameAr ?? before.fullNameAr,
              birthDate: changes.birthDate ?? before.birthDate,
            },
            acknowledgedDuplicateIds ?? [],
          );
          await recordSuspicions(tx, ctx, id, matches);
        }
        const material = changed.some((k) => (materialFields as readonly string[]).includes(k));
        const row = await updateBeneficiaryRow(tx, ctx.actor.organizationId, id, {
          ...changes,
          ...(material ? { dataVersion: before.dataVersion + 1 } : {}),
        });
        await recordAudit(tx, ctx, {
          action: 'beneficiaries.update',
          entityType: 'beneficiary',
          entityId: id,
          details: { fields: changed, material },
        });
        return present(tx, ctx, row);
      });
    },

    async changeStatus(
      ctx: ActorContext,
      id: string,
      input: { status: BeneficiaryRow['status']; reason: string },
    ) {
      return db.transaction(async (tx) => {
        const before = await load(tx, ctx, id, true);
        const row = await updateBeneficiaryRow(tx, ctx.actor.organizationId, id, {
          status: input.status,
          statusReason: input.reason,
        });
        await recordAudit(tx, ctx, {
          action: 'beneficiaries.change_status',
          entityType: 'beneficiary',
          entityId: id,
          details: { from: before.status, to: input.status, reason: input.reason },
        });
        return present(tx, ctx, row);
      });
    },

    async listHousehold(ctx: ActorContext, id: string) {
      const row = await load(db, ctx, id);
      const canReadHealth = can(ctx.actor.roles, 'beneficiaries.read_health');
      return { items: (await listHousehold(db, row.id)).map((m) => presentMember(m, canReadHealth)) };
    },

    async addHouseholdMember(ctx: ActorContext, id: string, input: HouseholdMemberInput) {
      const birthDate = resolveDate(input.birthDate, input.birthDateHijri, 'birthDate') ?? null;
      return db.transaction(async (tx) => {
        const row = await load(tx, ctx, id, true);
        const member = await insertHouseholdMember(tx, {
          organizationId: row.organizationId,
          beneficiaryId: row.id,
          relation: input.relation,
          fullName: input.fullName,
          nationalId: input.nationalId ?? null,
          birthDate,
          gender: input.gender,
          monthlyIncome: input.monthlyIncome ?? 0,
          health: input.health || null,
          schooling: input.schooling ?? null,
        });
        // Household composition and income are material: the declaration must be signed again.
        await updateBeneficiaryRow(tx, ctx.actor.organizationId, row.id, {
          dataVersion: row.dataVersion + 1,
        });
        await recordAudit(tx, ctx, {
          action: 'beneficiaries.household.add',
          entityType: 'beneficiary',
          entityId: row.id,
          details: { memberId: member.id, relation: input.relation },
        });
        return presentMember(member, can(ctx.actor.roles, 'beneficiaries.read_health'));
      });
    },

    async removeHouseholdMember(ctx: ActorContext, id: string, memberId: string) {
      await db.transaction(async (tx) => {
        const row = await load(tx, ctx, id, true);
        if (!(await deleteHouseholdMember(tx, row.id, memberId))) throw notFound();
        await updateBeneficiaryRow(tx, ctx.actor.organizationId, row.id, {
          dataVersion: row.dataVersion + 1,
        });
        await recordAudit(tx, ctx, {
          action: 'beneficiaries.household.remove',
          entityType: 'beneficiary',
          entityId: row.id,
          details: { memberId },
        });
      });
    },
  };
}
