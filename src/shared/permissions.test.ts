import { describe, expect, it } from 'vitest';
import { type Action, actions, allowedActions, can, permissionTable } from './permissions';
import { staffRoles } from './roles';

describe('permission table', () => {
  it.each<[string, Action, boolean]>([
    ['admin', 'organization.update', true],
    ['admin', 'users.create', true],
    ['manager', 'users.create', false],
    ['manager', 'users.list', true],
    ['auditor', 'audit.list', true],
    ['auditor', 'users.update', false],
    ['relations_officer', 'audit.list', false],
    ['researcher', 'organization.read', true],
    ['committee_member', 'outbox.list', false],
    // Referrals go to the supervisor / social research officer, who answers them (DESIGN.md step 3).
    ['supervisor', 'referrals.answer', true],
    ['researcher', 'referrals.answer', false],
    ['manager', 'referrals.answer', false],
  ])('%s may %s: %s', (role, action, expected) => {
    expect(can([role], action)).toBe(expected);
  });

  it('gives every action to at least one role, and knows only real roles', () => {
    for (const action of actions) {
      expect(permissionTable[action].length, action).toBeGreaterThan(0);
      for (const role of permissionTable[action]) expect(staffRoles).toContain(role);
    }
  });

  it('grants the union of the roles a user holds', () => {
    expect(can(['relations_officer', 'auditor'], 'audit.list')).toBe(true);
    expect(allowedActions(['auditor', 'admin'])).toEqual(
      actions.filter((a) => can(['admin'], a) || can(['auditor'], a)),
    );
  });

  it('grants nothing to unknown roles or to nobody', () => {
    expect(allowedActions([])).toEqual([]);
    expect(allowedActions(['beneficiary', 'root'])).toEqual([]);
  });
});
