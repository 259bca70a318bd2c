// Owns the beneficiary's way into the portal: one-time codes by SMS, portal sessions, and "me".
import { createHmac, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import { and, desc, eq, gt, isNull } from 'drizzle-orm';
import { fillTemplate, type Organization, type SmsTemplateKey } from '../../../shared/contracts/organization';
import type {
  PortalCodeRequest,
  PortalMe,
  PortalOrganization,
  PortalSignIn,
} from '../../../shared/contracts/portal';
import { recordAudit } from '../../platform/audit/audit';
import { countInWindow, throttleWindowMs } from '../../platform/auth/login-throttle';
import type { Clock } from '../../platform/clock';
import type { Db } from '../../platform/db/database';
import { inTenant } from '../../platform/db/tenant';
import type { PortalContext, RequestContext } from '../../platform/http/context';
import { AppError, notFound } from '../../platform/http/errors';
import { type MessageKey, message } from '../../platform/i18n/messages';
import {
  deliverSecretAfterCommit,
  type NotificationDriver,
  queueNotification,
} from '../../platform/notifications/notifications';
import type { OrganizationService } from '../organizations/organizations.service';
import { findLiveBeneficiary, findLiveByNationalId } from './portal.repository';
import { portalCodes, portalLocks, portalRegistrations } from './portal.tables';
import { type PortalSessionStore, portalOpenTo } from './portal-sessions';

export const codeLifetimeSeconds = 5 * 60;
/** Wrong codes for one ID before it is locked, and for how long. */
export const maxWrongCodes = 5;
export const lockMinutes = 15;
/** Codes asked for one ID, and by one address, per window (known and unknown IDs alike). */
export const maxCodeRequestsPerId = 5;
export const maxCodeRequestsPerAddress = 20;
export const maxSignInsPerAddress = 30;
const windowMs = throttleWindowMs;

export type PortalAuthService = ReturnType<typeof createPortalAuthService>;

const hashCode = (salt: string, code: string) => createHmac('sha256', salt).update(code).digest('hex');

export function createPortalAuthService(deps: {
  db: Db;
  clock: Clock;
  organizations: OrganizationService;
  sessions: PortalSessionStore;
  driver: NotificationDriver;
}) {
  const { db, clock, organizations, sessions, driver } = deps;

  /** Counts one more attempt under `key` in the window; refuses (429) once `limit` is passed. */
  async function countAttempt(key: string, limit: number): Promise<void> {
    const { count, windowStartedAt } = await countInWindow(db, key, clock);
    if (count > limit) {
      const left = windowStartedAt.getTime() + throttleWindowMs - clock.now().getTime();
      throw new AppError(429, 'RATE_LIMITED', { retryAfterSeconds: Math.max(1, Math.ceil(left / 1000)) });
    }
  }

  async function organizationOf(slug: string): Promise<Organization> {
    const id = await organizations.findIdBySlug(slug);
    if (!id) throw notFound();
    return inTenant(db, { organizationId: id, userId: null }, () => organizations.getOrganization(id));
  }

  /** The live record of an ID in the current association, when the portal is open to it. */
  async function personByNationalId(organizationId: string, nationalId: string) {
    const row = await findLiveByNationalId(db, organizationId, nationalId);
    return row && portalOpenTo(row.status) ? row : null;
  }

  async function lockOf(organizationId: string, nationalId: string) {
    const [row] = await db
      .select()
      .from(portalLocks)
      .where(and(eq(portalLocks.organizationId, organizationId), eq(portalLocks.nationalId, nationalId)));
    return row ?? null;
  }

  function lockedFor(lock: { lockedUntil: Date | null } | null): number | null {
    const until = lock?.lockedUntil?.getTime() ?? 0;
    const left = until - clock.now().getTime();
    return left > 0 ? Math.ceil(left / 1000) : null;
  }

  /**
   * Writes a fresh code for `nationalId` and sends it to `phone`: the outbox keeps a masked copy, the
   * SMS driver gets the real text once, after the commit (the code itself is kept only as a hash).
   */
  async function sendCode(
    ctx: RequestContext,
    org: Organization,
    input: { nationalId: string; phone: string; purpose: 'sign_in' | 'register'; language: string },
  ): Promise<void> {
    const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
    const salt = randomBytes(16).toString('hex');
    const now = clock.now();
    const [row] = await db
      .insert(portalCodes)
      .values({
        organizationId: org.id,
        nationalId: input.nationalId,
        purpose: input.purpose,
        phone: input.phone,
        codeHash: hashCode(salt, code),
        salt,
        expiresAt: new Date(now.getTime() + codeLifetimeSeconds * 1000),
        ip: ctx.ip,
      })
      .returning({ id: portalCodes.id });
    const template: SmsTemplateKey = input.purpose === 'sign_in' ? 'portal_code' : 'registration_code';
    const text = (codeText: string) => smsText(org, template, input.language, { code: codeText });
    const messageId = await queueNotification(db, {
      organizationId: org.id,
      channel: 'sms',
      recipient: input.phone,
      sender: org.settings.sms.senderName,
      subject: null,
      body: text('••••••'),
      relatedType: 'portal_code',
      relatedId: row!.id,
    });
    deliverSecretAfterCommit(db, driver, { organizationId: org.id, messageId, body: text(code) });
  }

  /**
   * Checks a code for `nationalId` and `purpose`: used once, within its life, at most five wrong tries
   * per ID before a lock. Returns the code's row, or an error to throw once the count is committed.
   */
  async function checkCode(
    organizationId: string,
    input: { nationalId: string; code: string; purpose: 'sign_in' | 'register' },
  ): Promise<{ phone: string } | { error: AppError }> {
    const lock = await lockOf(organizationId, input.nationalId);
    const locked = lockedFor(lock);
    if (locked !== null) return { error: new AppError(429, 'CODE_LOCKED', { retryAfterSeconds: locked }) };
    const now = clock.now();
    const [latest] = await db
      .select()
      .from(portalCodes)
      .where(
        and(
          eq(portalCodes.organizationId, organizationId),
          eq(portalCodes.nationalId, input.nationalId),
          eq(portalCodes.purpose, input.purpose),
          isNull(portalCodes.usedAt),
          gt(portalCodes.expiresAt, now),
        ),
      )
      .orderBy(desc(portalCodes.createdAt))
      .limit(1);
    const given = Buffer.from(hashCode(latest?.salt ?? 'none', input.code), 'hex');
    const right = latest && timingSafeEqual(given, Buffer.from(latest.codeHash, 'hex'));
    if (latest && right) {
      await db
        .update(portalCodes)
        .set({ usedAt: now })
        .where(and(eq(portalCodes.organizationId, organizationId), eq(portalCodes.id, latest.id)));
      await db
        .delete(portalLocks)
        .where(
          and(eq(portalLocks.organizationId, organizationId), eq(portalLocks.nationalId, input.nationalId)),
        );
      return { phone: latest.phone };
    }
    const windowStart = new Date(now.getTime() - windowMs);
    const fresh = !lock || lock.windowStartedAt < windowStart;
    const failures = fresh ? 1 : lock.failures + 1;
    const lockedUntil = failures >= maxWrongCodes ? new Date(now.getTime() + lockMinutes * 60_000) : null;
    await db
      .insert(portalLocks)
      .values({ organizationId, nationalId: input.nationalId, failures, windowStartedAt: now, lockedUntil })
      .onConflictDoUpdate({
        target: [portalLocks.organizationId, portalLocks.nationalId],
        set: { failures, lockedUntil, ...(fresh ? { windowStartedAt: now } : {}) },
      });
    if (lockedUntil) {
      // The code of a locked ID is spent: after the lock, the person asks for a new one.
      await db
        .update(portalCodes)
        .set({ usedAt: now })
        .where(
          and(
            eq(portalCodes.organizationId, organizationId),
            eq(portalCodes.nationalId, input.nationalId),
            isNull(portalCodes.usedAt),
          ),
        );
      return { error: new AppError(429, 'CODE_LOCKED', { retryAfterSeconds: lockMinutes * 60 }) };
    }
    return { error: new AppError(401, 'INVALID_CODE') };
  }

  async function presentMe(organizationId: string, beneficiaryId: string): Promise<PortalMe> {
    const person = await findLiveBeneficiary(db, organizationId, beneficiaryId);
    if (!person) throw notFound();
    const [registration] = await db
      .select({ state: portalRegistrations.state, returnReason: portalRegistrations.returnReason })
      .from(portalRegistrations)
      .where(
        and(
          eq(portalRegistrations.organizationId, organizationId),
          eq(portalRegistrations.beneficiaryId, beneficiaryId),
        ),
      );
    const org = await organizations.getOrganization(organizationId);
    return {
      id: person.id,
      fileNumber: person.fileNumber,
      nationalId: person.nationalId,
      fullNameAr: person.fullNameAr,
      fullNameEn: person.fullNameEn,
      gender: person.gender,
      birthDate: person.birthDate,
      nationality: person.nationality,
      phone: person.phone,
      city: person.city,
      district: person.district,
      preferredLanguage: person.preferredLanguage,
      status: person.status,
      registration: registration ?? null,
      organization: publicOrganization(org),
    };
  }

  /** A portal session for the person, audited as `action` (sign-in or registration), and their record. */
  async function openSession(
    ctx: RequestContext,
    organizationId: string,
    person: { id: string; fullNameAr: string },
    action: 'portal.sign_in' | 'portal.register',
    userAgent: string | null,
  ): Promise<{ token: string; me: PortalMe }> {
    const token = await sessions.create(db, {
      organizationId,
      beneficiaryId: person.id,
      ip: ctx.ip,
      userAgent,
    });
    await recordAudit(db, ctx, {
      organizationId,
      actorName: person.fullNameAr,
      actorRoles: ['beneficiary'],
      action,
      entityType: 'beneficiary',
      entityId: person.id,
    });
    return { token, me: await presentMe(organizationId, person.id) };
  }

  return {
    sendCode,
    checkCode,
    openSession,
    countAttempt,
    organizationOf,
    presentMe,

    async organization(slug: string): Promise<PortalOrganization> {
      return publicOrganization(await organizationOf(slug));
    },

    /** Always the same answer: whether the ID is registered is not told (only its phone gets a code). */
    async requestCode(ctx: RequestContext, input: PortalCodeRequest) {
      await countAttempt(`portal-code-ip:${ctx.ip ?? 'unknown'}`, maxCodeRequestsPerAddress);
      await countAttempt(`portal-code-id:${input.organization}:${input.nationalId}`, maxCodeRequestsPerId);
      const org = await organizationOf(input.organization);
      await inTenant(db, { organizationId: org.id, userId: null }, async () => {
        const person = await personByNationalId(org.id, input.nationalId);
        const locked = lockedFor(await lockOf(org.id, input.nationalId)) !== null;
        if (person && !locked) {
          await sendCode(ctx, org, {
            nationalId: input.nationalId,
            phone: person.phone,
            purpose: 'sign_in',
            language: person.preferredLanguage,
          });
        }
        await recordAudit(db, ctx, {
          organizationId: org.id,
          action: 'portal.code_request',
          entityType: 'beneficiary',
          entityId: person?.id ?? null,
          outcome: person && !locked ? 'success' : 'failure',
          details: person ? (locked ? { reason: 'locked' } : {}) : { reason: 'unknown_id' },
        });
      });
      return { expiresInSeconds: codeLifetimeSeconds };
    },

    async signIn(
      ctx: RequestContext,
      input: PortalSignIn,
      userAgent: string | null,
    ): Promise<{ token: string; me: PortalMe }> {
      await countAttempt(`portal-sign-in-ip:${ctx.ip ?? 'unknown'}`, maxSignInsPerAddress);
      const organizationId = await organizations.findIdBySlug(input.organization);
      if (!organizationId) throw new AppError(401, 'INVALID_CODE');
      const outcome = await inTenant(db, { organizationId, userId: null }, async () => {
        const checked = await checkCode(organizationId, { ...input, purpose: 'sign_in' });
        const person = 'error' in checked ? null : await personByNationalId(organizationId, input.nationalId);
        if ('error' in checked || !person) {
          const error = 'error' in checked ? checked.error : new AppError(401, 'INVALID_CODE');
          await recordAudit(db, ctx, {
            organizationId,
            action: 'portal.sign_in',
            entityType: 'beneficiary',
            entityId: person?.id ?? null,
            outcome: 'failure',
            details: { reason: error.code },
          });
          return { error };
        }
        return openSession(ctx, organizationId, person, 'portal.sign_in', userAgent);
      });
      if ('error' in outcome) throw outcome.error;
      return outcome;
    },

    async signOut(ctx: PortalContext): Promise<void> {
      await sessions.revoke(db, ctx.portal.organizationId, ctx.portal.sessionId);
      await recordAudit(db, ctx, {
        action: 'portal.sign_out',
        entityType: 'beneficiary',
        entityId: ctx.portal.beneficiaryId,
      });
    },

    async me(ctx: PortalContext): Promise<PortalMe> {
      return presentMe(ctx.portal.organizationId, ctx.portal.beneficiaryId);
    },
  };
}

export function publicOrganization(org: Organization): PortalOrganization {
  return {
    slug: org.slug,
    nameAr: org.nameAr,
    nameEn: org.nameEn,
    logo: org.logo,
    digitStyle: org.settings.digitStyle,
  };
}

/** An SMS in the person's language, from the association's own template or the default one. */
export function smsText(
  org: Organization,
  key: SmsTemplateKey,
  language: string,
  values: Record<string, string>,
): string {
  const en = language === 'en';
  const params = { organization: en ? org.nameEn : org.nameAr, ...values };
  const own = org.settings.sms.templates[key];
  if (own) return fillTemplate(en ? own.en : own.ar, params);
  return message(en ? 'en' : 'ar', defaultSmsMessage[key], params);
}

const defaultSmsMessage: Record<SmsTemplateKey, MessageKey> = {
  portal_code: 'sms.portalCode',
  registration_code: 'sms.registrationCode',
  already_registered: 'sms.alreadyRegistered',
};
