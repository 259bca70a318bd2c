// Owns the beneficiary registry: who the beneficiary is (profile, household), duplicate checks at
// registration, status, and search. Every read of a profile and every change writes an audit event.
import type {
  Beneficiary,
  CreateBeneficiary,
  DuplicateMatch,
  HouseholdMemberInput,
  UpdateBeneficiary,
} from '../../../shared/contracts/beneficiaries';
import { messagingChannels } from '../../../shared/contracts/messaging';
import type { OrganizationSettings } from '../../../shared/contracts/organization';
import type { PortalProfileUpdate } from '../../../shared/contracts/portal-registration';
import { hijriToGregorian } from '../../../shared/dates-hijri';
import { can } from '../../../shared/permissions';
import { recordAudit } from '../../platform/audit/audit';
import type { Clock } from '../../platform/clock';
import { localToday } from '../../platform/clock';
import type { Db, Tx } from '../../platform/db/database';
import { readTransaction } from '../../platform/db/tenant';
import type { ActorContext, PortalContext, RequestContext } from '../../platform/http/context';
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
  // The messaging channels (sms, email, whatsapp) are preferred channels too, beside the contact channels.
) {
  const fields: Record<string, string> = {};
  const categories = new Set(settings.beneficiaryCategories.map((c) => c.code));
  input.categories?.forEach((c, i) => {
    if (!categories.has(c)) fields[`categories.${i}`] = 'UNKNOWN_CODE';
  });
  const channels = new Set(settings.channels.filter((c) => c.enabled).map((c) => c.code));
  if (input.channel && !channels.has(input.channel)) fields.channel = 'UNKNOWN_CODE';
  if (
    input.preferredChannel &&
    !channels.has(input.preferredChannel) &&
    !(messagingChannels as readonly string[]).includes(input.preferredChannel)
  )
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
    const matches = await findMatches(tx, org, probe);
    const unacknowledged = matches.filter((m) => !acknowledged.includes(m.id));
    if (unacknowledged.length) throw new AppError(409, 'POSSIBLE_DUPLICATES', { matches });
    return matches;
  }

  /** Other live records that may be the same person, one entry per record with every reason found. */
  async function findMatches(
    tx: Tx,
    organizationId: string,
    probe: Parameters<typeof findDuplicateCandidates>[2],
  ): Promise<DuplicateMatch[]> {
    const byId = new Map<string, DuplicateMatch>();
    for (const c of await findDuplicateCandidates(tx, organizationId, probe)) {
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
    return [...byId.values()];
  }

  /** Writes a profile change; a material one outdates the signed declaration. Audited with its fields. */
  async function applyChanges(
    tx: Tx,
    ctx: RequestContext,
    before: BeneficiaryRow,
    changes: Partial<BeneficiaryRow>,
    changed: string[],
  ): Promise<BeneficiaryRow> {
    const material = changed.some((k) => (materialFields as readonly string[]).includes(k));
    const row = await updateBeneficiaryRow(tx, before.organizationId, before.id, {
      ...changes,
      ...(material ? { dataVersion: before.dataVersion + 1 } : {}),
    });
    await recordAudit(tx, ctx, {
      action: 'beneficiaries.update',
      entityType: 'beneficiary',
      entityId: before.id,
      details: { fields: changed, material },
    });
    return row;
  }

  async function insertMember(
    tx: Tx,
    ctx: RequestContext,
    row: BeneficiaryRow,
    input: HouseholdMemberInput,
    birthDate: string | null,
  ) {
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
    await updateBeneficiaryRow(tx, row.organizationId, row.id, { dataVersion: row.dataVersion + 1 });
    await recordAudit(tx, ctx, {
      action: 'beneficiaries.household.add',
      entityType: 'beneficiary',
      entityId: row.id,
      details: { memberId: member.id, relation: input.relation },
    });
    return member;
  }

  async function removeMember(tx: Tx, ctx: RequestContext, row: BeneficiaryRow, memberId: string) {
    if (!(await deleteHouseholdMember(tx, row.id, memberId))) throw notFound();
    await updateBeneficiaryRow(tx, row.organizationId, row.id, { dataVersion: row.dataVersion + 1 });
    await recordAudit(tx, ctx, {
      action: 'beneficiaries.household.remove',
      entityType: 'beneficiary',
      entityId: row.id,
      details: { memberId },
    });
  }

  /** The signed-in person's record, from the portal (live and open to it, as the session checked). */
  async function loadOwn(tx: Tx, ctx: PortalContext, lock = false): Promise<BeneficiaryRow> {
    const row = await findBeneficiary(tx, ctx.portal.organizationId, ctx.portal.beneficiaryId, lock);
    if (!row || row.mergedInto || row.destroyedAt) throw notFound();
    return row;
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
          email: input.email ?? null,
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
      return readTransaction(db, async (tx) => {
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
        return present(tx, ctx, await applyChanges(tx, ctx, before, changes, changed));
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
        const member = await insertMember(tx, ctx, await load(tx, ctx, id, true), input, birthDate);
        return presentMember(member, can(ctx.actor.roles, 'beneficiaries.read_health'));
      });
    },

    async removeHouseholdMember(ctx: ActorContext, id: string, memberId: string) {
      await db.transaction(async (tx) => removeMember(tx, ctx, await load(tx, ctx, id, true), memberId));
    },

    // ---- the person's own record, from the portal (modules/portal); the session names the record ----

    loadOwn,

    /**
     * A record made by the person from home: `pending_verification` until staff accept it, with the
     * phone the code verified and no staff author. 409 when the ID already has a live record here.
     */
    async registerPending(
      tx: Tx,
      ctx: RequestContext,
      organizationId: string,
      input: PendingRegistration,
    ): Promise<BeneficiaryRow> {
      // No details: the caller is not signed in, and must learn nothing of the existing file.
      if (await findByNationalId(tx, organizationId, input.nationalId))
        throw new AppError(409, 'DUPLICATE_BENEFICIARY');
      const row = await insertBeneficiary(tx, {
        organizationId,
        fileNumber: await nextFileNumber(tx, organizationId),
        ...input,
        fullNameEn: input.fullNameEn || null,
        district: input.district || null,
        status: 'pending_verification',
        preferredChannel: 'website',
        createdBy: null,
      });
      await insertInteraction(tx, {
        organizationId,
        beneficiaryId: row.id,
        channel: 'website',
        kind: 'intake',
        summary: 'registration',
        staffId: null,
      });
      await recordAudit(tx, ctx, {
        organizationId,
        actorName: row.fullNameAr,
        actorRoles: ['beneficiary'],
        action: 'beneficiaries.create',
        entityType: 'beneficiary',
        entityId: row.id,
        details: { fileNumber: row.fileNumber, channel: 'website' },
      });
      return row;
    },

    /** Records that may be the same person as `beneficiaryId` (the checks staff run at the counter). */
    async duplicateMatchesOf(tx: Tx, organizationId: string, beneficiaryId: string) {
      const row = await findBeneficiary(tx, organizationId, beneficiaryId);
      if (!row) throw notFound();
      return findMatches(tx, organizationId, { ...row, excludeId: row.id });
    },

    async updateOwnProfile(ctx: PortalContext, input: PortalProfileUpdate): Promise<void> {
      const org = await organizations.getOrganization(ctx.portal.organizationId);
      assertKnownCodes(org.settings, input);
      await db.transaction(async (tx) => {
        const before = await loadOwn(tx, ctx, true);
        const changes = input as Partial<BeneficiaryRow>;
        const changed = Object.keys(changes).filter(
          (k) =>
            JSON.stringify(changes[k as keyof BeneficiaryRow]) !==
            JSON.stringify(before[k as keyof BeneficiaryRow]),
        );
        await applyChanges(tx, ctx, before, changes, changed);
      });
    },

    /** Their own household; the person sees every field they gave, health included. */
    async listOwnHousehold(ctx: PortalContext) {
      const row = await loadOwn(db, ctx);
      return { items: (await listHousehold(db, row.id)).map((m) => presentMember(m, true)) };
    },

    async addOwnHouseholdMember(ctx: PortalContext, input: HouseholdMemberInput) {
      const birthDate = resolveDate(input.birthDate, input.birthDateHijri, 'birthDate') ?? null;
      return db.transaction(async (tx) => {
        const member = await insertMember(tx, ctx, await loadOwn(tx, ctx, true), input, birthDate);
        return presentMember(member, true);
      });
    },

    async removeOwnHouseholdMember(ctx: PortalContext, memberId: string) {
      await db.transaction(async (tx) => removeMember(tx, ctx, await loadOwn(tx, ctx, true), memberId));
    },
  };
}

/** What the person gives when registering from home (phone: the one the code verified). */
export interface PendingRegistration {
  nationalId: string;
  fullNameAr: string;
  fullNameEn?: string;
  gender: 'male' | 'female';
  birthDate: string;
  nationality: string;
  phone: string;
  city: string;
  district?: string;
}
