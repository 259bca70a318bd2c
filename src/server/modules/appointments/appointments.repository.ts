import { and, asc, eq, gt, isNull, lt, lte, sql } from 'drizzle-orm';
import type { Tx } from '../../platform/db/database';
import { users } from '../../platform/identity/users.tables';
import { beneficiaries } from '../beneficiaries/beneficiaries.tables';
import { services } from '../services/services.tables';
import { appointments } from './appointments.tables';

export type AppointmentRow = typeof appointments.$inferSelect;

export function selectAppointmentViews(tx: Tx, organizationId: string) {
  return tx
    .select({
      appointment: appointments,
      beneficiaryName: beneficiaries.fullNameAr,
      fileNumber: beneficiaries.fileNumber,
      serviceName: services.nameAr,
      createdByName: users.fullName,
    })
    .from(appointments)
    .innerJoin(
      beneficiaries,
      and(
        eq(beneficiaries.organizationId, appointments.organizationId),
        eq(beneficiaries.id, appointments.beneficiaryId),
      ),
    )
    .leftJoin(
      services,
      and(eq(services.organizationId, appointments.organizationId), eq(services.id, appointments.serviceId)),
    )
    .leftJoin(
      users,
      and(eq(users.organizationId, appointments.organizationId), eq(users.id, appointments.createdBy)),
    )
    .where(eq(appointments.organizationId, organizationId))
    .orderBy(asc(appointments.startsAt), asc(appointments.id))
    .$dynamic();
}

export type AppointmentView = Awaited<
  ReturnType<ReturnType<typeof selectAppointmentViews>['execute']>
>[number];

/** Booked visits overlapping [from, to): what fills the desks. */
export const bookedBetween = (tx: Tx, organizationId: string, from: Date, to: Date) =>
  tx
    .select({ startsAt: appointments.startsAt, endsAt: appointments.endsAt })
    .from(appointments)
    .where(
      and(
        eq(appointments.organizationId, organizationId),
        eq(appointments.status, 'booked'),
        lt(appointments.startsAt, to),
        gt(appointments.endsAt, from),
      ),
    );

export async function insertAppointment(tx: Tx, values: typeof appointments.$inferInsert) {
  const [row] = await tx.insert(appointments).values(values).returning({ id: appointments.id });
  return row!.id;
}

export async function lockAppointment(tx: Tx, organizationId: string, id: string) {
  const [row] = await tx
    .select()
    .from(appointments)
    .where(and(eq(appointments.organizationId, organizationId), eq(appointments.id, id)))
    .for('update');
  return row ?? null;
}

export async function setAppointment(
  tx: Tx,
  organizationId: string,
  id: string,
  values: Partial<typeof appointments.$inferInsert>,
) {
  await tx
    .update(appointments)
    .set(values)
    .where(and(eq(appointments.organizationId, organizationId), eq(appointments.id, id)));
}

/** Booked visits starting in (from, until] not yet reminded, locked so that two runs remind once. */
export const dueForReminder = (tx: Tx, organizationId: string, from: Date, until: Date) =>
  tx
    .select({
      id: appointments.id,
      beneficiaryId: appointments.beneficiaryId,
      startsAt: appointments.startsAt,
      serviceAr: sql<
        string | null
      >`(select s.name_ar from services s where s.organization_id = "appointments"."organization_id" and s.id = "appointments"."service_id")`,
      serviceEn: sql<
        string | null
      >`(select s.name_en from services s where s.organization_id = "appointments"."organization_id" and s.id = "appointments"."service_id")`,
    })
    .from(appointments)
    .where(
      and(
        eq(appointments.organizationId, organizationId),
        eq(appointments.status, 'booked'),
        isNull(appointments.remindedAt),
        gt(appointments.startsAt, from),
        lte(appointments.startsAt, until),
      ),
    )
    .for('update', { skipLocked: true });

export async function organizationsWithDueAppointments(tx: Tx, from: Date, until: Date) {
  const { rows } = await tx.execute<{ id: string }>(
    sql`select id from app_organizations_with_due_appointments(${from}, ${until}) as id`,
  );
  return rows.map((r) => r.id);
}
