import { describe, expect, it } from 'vitest';
import {
  type ComplaintAction,
  type ComplaintStatus,
  complaintActionAllowed,
  defaultComplaintSettings,
  statusAfter,
  trackingNumberPattern,
  trackingNumberSchema,
} from '../../../shared/contracts/complaints';
import { defaultOrganizationSettings, type Organization } from '../../../shared/contracts/organization';
import { dueAtFor, newTrackingNumber } from './complaints.presenter';

const org = (overrides: Partial<Organization['settings']> = {}): Organization => ({
  id: '00000000-0000-4000-8000-000000000001',
  nameAr: 'جمعية',
  nameEn: 'Association',
  logo: null,
  slug: 'association',
  settings: { ...defaultOrganizationSettings(), ...overrides, slug: 'association' },
  updatedAt: '2026-01-01T00:00:00.000Z',
});

describe('tracking numbers', () => {
  it('are C- and ten Crockford characters, and do not repeat', () => {
    const drawn = Array.from({ length: 2000 }, newTrackingNumber);
    for (const n of drawn) expect(n).toMatch(trackingNumberPattern);
    expect(new Set(drawn).size).toBe(drawn.length);
    expect(drawn.join('')).not.toMatch(/[ILOU]/);
  });

  it('are read back from how people type them', () => {
    expect(trackingNumberSchema.parse(' c-7k2m9qx4tb ')).toBe('C-7K2M9QX4TB');
    expect(trackingNumberSchema.safeParse('C-7K2M9QX4T').success).toBe(false);
    expect(trackingNumberSchema.safeParse('C-7K2M9QX4TI').success).toBe(false); // no I in Crockford
  });
});

describe('the answer date, on the working calendar', () => {
  // Worked out by hand on a Sunday–Thursday week, Asia/Riyadh (UTC+3), end of day 20:59:59Z.
  it.each([
    ['Sunday morning, complaint (5 days)', '2026-11-22T06:00:00Z', 'complaint', '2026-11-29T20:59:59.000Z'],
    [
      'Thursday, complaint: the weekend does not count',
      '2026-11-26T07:00:00Z',
      'complaint',
      '2026-12-03T20:59:59.000Z',
    ],
    [
      'Friday, complaint: counts from Sunday',
      '2026-11-27T10:00:00Z',
      'complaint',
      '2026-12-03T20:59:59.000Z',
    ],
    ['Sunday, suggestion (10 days)', '2026-11-22T06:00:00Z', 'suggestion', '2026-12-06T20:59:59.000Z'],
    [
      'Wednesday 21:30 UTC is already Thursday in Riyadh',
      '2026-11-25T21:30:00Z',
      'complaint',
      '2026-12-03T20:59:59.000Z',
    ],
  ] as const)('%s', (_, at, kind, due) => {
    expect(dueAtFor(org(), kind, new Date(at)).toISOString()).toBe(due);
  });

  it('skips the association’s holidays and uses its own response days', () => {
    // Sunday 22 November: Mon 23, Tue 24, Wed 25, Thu 26, (Sun 29 a holiday) Mon 30.
    const holidays = [{ date: '2026-11-29', nameAr: 'إجازة', nameEn: 'Holiday' }];
    expect(dueAtFor(org({ holidays }), 'complaint', new Date('2026-11-22T06:00:00Z')).toISOString()).toBe(
      '2026-11-30T20:59:59.000Z',
    );
    const complaints = { ...defaultComplaintSettings(), responseDays: { complaint: 1, suggestion: 2 } };
    expect(dueAtFor(org({ complaints }), 'complaint', new Date('2026-11-26T07:00:00Z')).toISOString()).toBe(
      '2026-11-29T20:59:59.000Z',
    );
  });
});

describe('the complaint state machine', () => {
  // Written from the issue: assign while open; reply once, before it is answered; close while open.
  const table: Record<ComplaintAction, Record<ComplaintStatus, ComplaintStatus | null>> = {
    assign: { new: 'in_progress', in_progress: 'in_progress', answered: 'answered', closed: null },
    reply: { new: 'answered', in_progress: 'answered', answered: null, closed: null },
    close: { new: 'closed', in_progress: 'closed', answered: 'closed', closed: null },
  };
  for (const [action, row] of Object.entries(table) as [ComplaintAction, typeof table.assign][]) {
    for (const [from, to] of Object.entries(row) as [ComplaintStatus, ComplaintStatus | null][]) {
      it(`${action} from ${from} → ${to ?? 'refused'}`, () => {
        expect(complaintActionAllowed(action, from)).toBe(to !== null);
        if (to) expect(statusAfter(action, from)).toBe(to);
      });
    }
  }
});
