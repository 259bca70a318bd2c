import { z } from 'zod';
import { requestStatuses } from '../requests/request-machine';
import { textSchema } from './common';

export const createSessionSchema = z.object({
  title: textSchema(3, 200),
  scheduledFor: z.iso.datetime({ offset: true }),
  chairId: z.uuid(),
  memberIds: z.array(z.uuid()).min(1).max(30),
  quorum: z.number().int().min(1).max(30).optional(),
});

export const voteSchema = z.object({
  vote: z.enum(['approve', 'reject', 'defer', 'conflict']),
  reason: textSchema(3, 1000),
});

const tallySchema = z.object({
  cast: z.number().int(),
  approve: z.number().int(),
  reject: z.number().int(),
  defer: z.number().int(),
  quorate: z.boolean(),
  outcome: z.enum(['approved', 'rejected', 'deferred']),
});

export const sessionSchema = z.object({
  id: z.uuid(),
  title: z.string(),
  scheduledFor: z.string(),
  chairId: z.uuid(),
  members: z.array(z.object({ id: z.uuid(), fullName: z.string().nullable() })),
  quorum: z.number().int(),
  status: z.enum(['open', 'closed']),
  minutesAr: z.string().nullable(),
  closedAt: z.string().nullable(),
  items: z.array(
    z.object({
      requestId: z.uuid(),
      number: z.string(),
      beneficiaryName: z.string(),
      serviceNameAr: z.string(),
      status: z.enum(requestStatuses),
      outcome: z.enum(['approved', 'rejected', 'deferred']).nullable(),
      summary: z.string().nullable(),
      tally: tallySchema,
      votes: z.array(
        z.object({
          memberId: z.uuid(),
          memberName: z.string().nullable(),
          vote: z.enum(['approve', 'reject', 'defer', 'conflict']),
          reason: z.string(),
        }),
      ),
    }),
  ),
});

export const sessionListSchema = z.object({
  items: z.array(
    z.object({
      id: z.uuid(),
      title: z.string(),
      scheduledFor: z.string(),
      status: z.enum(['open', 'closed']),
      quorum: z.number(),
    }),
  ),
});
