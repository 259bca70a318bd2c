import type { StaffRole } from './roles';

/**
 * The one permission table (role → allowed actions). Every server route declares one of these actions
 * (or `public` / `authenticated`), and the web app uses the same table to hide what a user may not do.
 * A test compares the route list with this table, so a route without a rule fails the build.
 */
export const actions = [
  'organization.read',
  'organization.update',
  'users.list',
  'users.create',
  'users.update',
  'audit.list',
  'outbox.list',
] as const;

export type Action = (typeof actions)[number];

/** Route-level markers that are not role actions. */
export type RouteAccess = Action | 'public' | 'authenticated';

const everyRole: readonly StaffRole[] = [
  'admin',
  'manager',
  'relations_officer',
  'supervisor',
  'researcher',
  'committee_member',
  'service_officer',
  'quality_officer',
  'auditor',
];

export const permissionTable: Record<Action, readonly StaffRole[]> = {
  // Every staff member needs the organization's names, channels and role titles to work.
  'organization.read': everyRole,
  'organization.update': ['admin'],
  'users.list': ['admin', 'manager', 'auditor'],
  'users.create': ['admin'],
  'users.update': ['admin'],
  'audit.list': ['admin', 'auditor'],
  'outbox.list': ['admin', 'manager', 'auditor'],
};

export function can(roles: readonly string[], action: Action): boolean {
  const allowed = permissionTable[action] as readonly string[];
  return roles.some((role) => allowed.includes(role));
}

export function allowedActions(roles: readonly string[]): Action[] {
  return actions.filter((action) => can(roles, action));
}
