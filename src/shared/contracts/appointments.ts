import { z } from 'zod';
import { isoDateSchema, textSchema } from './common';

// مواعيد الاستقبال — counter visits in slots of the service's own length (issue 12 item 1).
export const appointmentStatuses = ['booked', 'attended', 'no_show', 'cancelled'] as const;

export const slotsQuerySchema = z.object({
  /** Default: today, in the association's time zone. */
  date: isoDateSchema.optional(),
  serviceId: z.uuid().optional(),
});

export const slotsSchema = z.object({
  date: z.string(),
  workingDay: z.boolean(),
  minutes: z.number().int(),
  slots: z.array(z.object({ startsAt: z.string(), free: z.number().int() })),
});
export type Slots = z.infer<typeof slotsSchema>;

export const appointmentInputSchema = z.object({
  beneficiaryId: z.uuid(),
  serviceId: z.uuid().nullish(),
  startsAt: z.iso.datetime({ offset: true }),
  purpose: textSchema(0, 500).nullish(),
});
export type AppointmentInput = z.infer<typeof appointmentInputSchema>;

export const appointmentSchema = z.object({
  id: z.uuid(),
  beneficiaryId: z.uuid(),
  beneficiaryName: z.string(),
  fileNumber: z.string(),
  serviceId: z.uuid().nullable(),
  serviceName: z.string().nullable(),
  startsAt: z.string(),
  endsAt: z.string(),
  purpose: z.string().nullable(),
  status: z.enum(appointmentStatuses),
  remindedAt: z.string().nullable(),
  createdByName: z.string().nullable(),
});
export type Appointment = z.infer<typeof appointmentSchema>;

export const appointmentsQuerySchema = z.object({
  date: isoDateSchema.optional(),
  beneficiaryId: z.uuid().optional(),
});

export const appointmentStatusInputSchema = z.object({
  status: z.enum(['attended', 'no_show', 'cancelled']),
});
