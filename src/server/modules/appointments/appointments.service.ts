// مواعيد الاستقبال — counter visits (issue 12 item 1; policy: "receive the beneficiary politely, answer
// their questions and give them enough time"): slots as long as the service gives each visitor, within
// the counter's hours on working days, no more visits at once than desks; a confirmation when booked and
// a reminder the day before, each through the messaging module (quiet hours, preferred channel).

import { and, eq, gte, lt } from 'drizzle-orm';
import { isWorkingDay, localDate, localInstant, workCalendarOf } from '../../../shared/calendar';
import type { AppointmentInput } from '../../../shared/contracts/appointments';
import type { Organization } from '../../../shared/contracts/organization';
import { formatDualDate } from '../../../shared/dates';
import { formatNumber } from '../../../shared/digits';
import { recordAudit } from '../../platform/audit/audit';
import type { Clock } from '../../platform/clock';
import type { Db } from '../../platform/db/database';
import { lockForChange } from '../../platform/db/tenant';
import type { ActorContext } from '../../platform/http/context';
import { AppError, notFound } from '../../platform/http/errors';
import type { BeneficiaryService } from '../beneficiaries/beneficiaries.service';
import type { MessagingService } from '../messaging/messaging.service';
import type { OrganizationService } from '../organizations/organizations.service';
import type { CatalogService } from '../services/services.service';
import {
  type AppointmentView,
  bookedBetween,
  insertAppointment,
  lockAppointment,
  selectAppointmentViews,
  setAppointment,
} from './appointments.repository';
import { appointments } from './appointments.tables';

export const minute = 60_000;
const defaultMinutes = 20;

export type AppointmentService = ReturnType<typeof createAppointmentService>;

const present = (v: AppointmentView) => ({
  id: v.appointment.id,
  beneficiaryId: v.appointment.beneficiaryId,
  beneficiaryName: v.beneficiaryName,
  fileNumber: v.fileNumber,
  serviceId: v.appointment.serviceId,
  serviceName: v.serviceName,
  startsAt: v.appointment.startsAt.toISOString(),
  endsAt: v.appointment.endsAt.toISOString(),
  purpose: v.appointment.purpose,
  status: v.appointment.status,
  remindedAt: v.appointment.remindedAt?.toISOString() ?? null,
  createdByName: v.createdByName,
});

function counterOf(org: Organization) {
  const s = org.settings;
  return { ...s.counter, calendar: workCalendarOf(s), timeZone: s.timeZone };
}

/** When and where, in both languages and calendars, for the messages. */
export function whenText(org: Organization, startsAt: Date) {
  const words = (language: 'ar' | 'en') => {
    const d = formatDualDate(startsAt, language, {
      withTime: true,
      timeZone: org.settings.timeZone,
      digits: org.settings.digitStyle,
    });
    return `${d.gregorian} (${d.hijri})`;
  };
  return { ar: words('ar'), en: words('en') };
}

export function createAppointmentService(deps: {
  db: Db;
  clock: Clock;
  organizations: OrganizationService;
  beneficiaries: BeneficiaryService;
  catalog: CatalogService;
  messaging: MessagingService;
}) {
  const { db, clock, organizations, beneficiaries, catalog, messaging } = deps;

  async function minutesFor(ctx: ActorContext, serviceId: string | null | undefined) {
    if (!serviceId) return { minutes: defaultMinutes, service: null };
    const service = await catalog.loadService(db, ctx, serviceId);
    return { minutes: service.visitMinutes, service };
  }

  async function find(ctx: ActorContext, id: string) {
    const [row] = await selectAppointmentViews(db, ctx.actor.organizationId).where(
      and(eq(appointments.organizationId, ctx.actor.organizationId), eq(appointments.id, id)),
    );
    if (!row) throw notFound();
    return present(row);
  }

  return {
    /** The day's slots for a service (its minutes per visitor) and how many desks each leaves free. */
    async slots(ctx: ActorContext, day: string | undefined, serviceId?: string) {
      const org = await organizations.getOrganization(ctx.actor.organizationId);
      const date = day ?? localDate(clock.now(), org.settings.timeZone);
      const counter = counterOf(org);
      const { minutes } = await minutesFor(ctx, serviceId);
      if (!isWorkingDay(date, counter.calendar)) return { date, workingDay: false, minutes, slots: [] };
      const opens = localInstant(date, counter.opensAt, counter.timeZone);
      const closes = localInstant(date, counter.closesAt, counter.timeZone);
      const booked = await bookedBetween(db, ctx.actor.organizationId, opens, closes);
      const now = clock.now();
      const slots: { startsAt: string; free: number }[] = [];
      for (let t = opens.getTime(); t + minutes * minute <= closes.getTime(); t += minutes * minute) {
        if (t <= now.getTime()) continue;
        const end = t + minutes * minute;
        const busy = booked.filter((b) => b.startsAt.getTime() < end && b.endsAt.getTime() > t).length;
        slots.push({ startsAt: new Date(t).toISOString(), free: Math.max(counter.desks - busy, 0) });
      }
      return { date, workingDay: true, minutes, slots };
    },

    async list(ctx: ActorContext, query: { date?: string; beneficiaryId?: string }) {
      const org = await organizations.getOrganization(ctx.actor.organizationId);
      let q = selectAppointmentViews(db, ctx.actor.organizationId);
      if (query.beneficiaryId) {
        await beneficiaries.getBeneficiary(ctx, query.beneficiaryId);
        q = q.where(
          and(
            eq(appointments.organizationId, ctx.actor.organizationId),
            eq(appointments.beneficiaryId, query.beneficiaryId),
          ),
        );
      } else {
        const date = query.date ?? localDate(clock.now(), org.settings.timeZone);
        const from = localInstant(date, '00:00', org.settings.timeZone);
        const to = new Date(from.getTime() + 24 * 60 * minute);
        q = q.where(
          and(
            eq(appointments.organizationId, ctx.actor.organizationId),
            gte(appointments.startsAt, from),
            lt(appointments.startsAt, to),
          ),
        );
      }
      return { items: (await q.limit(500)).map(present) };
    },

    async book(ctx: ActorContext, input: AppointmentInput) {
      const person = await beneficiaries.getBeneficiary(ctx, input.beneficiaryId);
      const org = await organizations.getOrganization(ctx.actor.organizationId);
      const counter = counterOf(org);
      const { minutes, service } = await minutesFor(ctx, input.serviceId);
      const startsAt = new Date(input.startsAt);
      const endsAt = new Date(startsAt.getTime() + minutes * minute);
      const date = localDate(startsAt, counter.timeZone);
      const inHours =
        isWorkingDay(date, counter.calendar) &&
        startsAt >= localInstant(date, counter.opensAt, counter.timeZone) &&
        endsAt <= localInstant(date, counter.closesAt, counter.timeZone);
      if (!inHours || startsAt <= clock.now()) {
        throw new AppError(422, 'SLOT_UNAVAILABLE', { fields: { startsAt: 'SLOT_UNAVAILABLE' } });
      }
      const id = await db.transaction(async (tx) => {
        // One booking at a time per association: two clerks never fill the last desk twice.
        await lockForChange(tx, 'appointments', ctx.actor.organizationId);
        const booked = await bookedBetween(tx, ctx.actor.organizationId, startsAt, endsAt);
        if (booked.length >= counter.desks) throw new AppError(409, 'SLOT_FULL');
        const id = await insertAppointment(tx, {
          organizationId: ctx.actor.organizationId,
          beneficiaryId: person.id,
          serviceId: service?.id ?? null,
          startsAt,
          endsAt,
          purpose: input.purpose ?? null,
          createdBy: ctx.actor.userId,
        });
        await recordAudit(tx, ctx, {
          action: 'appointments.book',
          entityType: 'beneficiary',
          entityId: person.id,
          details: { appointmentId: id, startsAt: startsAt.toISOString() },
        });
        await messaging.notifyBeneficiary(tx, {
          organizationId: ctx.actor.organizationId,
          beneficiaryId: person.id,
          template: 'appointment_booked',
          variables: {
            when: whenText(org, startsAt),
            minutes: { ar: formatNumber(minutes, 'ar', org.settings.digitStyle), en: String(minutes) },
            service: service ? { ar: service.nameAr, en: service.nameEn } : { ar: 'مراجعة', en: 'a visit' },
          },
          purpose: 'service',
          relatedType: 'appointment',
          relatedId: id,
        });
        return id;
      });
      return find(ctx, id);
    },

    async setStatus(ctx: ActorContext, id: string, status: 'attended' | 'no_show' | 'cancelled') {
      await db.transaction(async (tx) => {
        const row = await lockAppointment(tx, ctx.actor.organizationId, id);
        if (!row) throw notFound();
        if (row.status !== 'booked')
          throw new AppError(409, 'TRANSITION_NOT_ALLOWED', { status: row.status });
        await setAppointment(tx, ctx.actor.organizationId, id, { status });
        await recordAudit(tx, ctx, {
          action: `appointments.${status}`,
          entityType: 'beneficiary',
          entityId: row.beneficiaryId,
          details: { appointmentId: id },
        });
      });
      return find(ctx, id);
    },
  };
}
