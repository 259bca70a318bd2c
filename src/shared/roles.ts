// Staff roles (DESIGN.md "Who uses it"). Titles shown in the UI come from the organization's settings.
export const staffRoles = [
  'admin',
  'manager',
  'relations_officer',
  'supervisor',
  'researcher',
  'committee_member',
  'service_officer',
  'quality_officer',
  'auditor',
] as const;

export type StaffRole = (typeof staffRoles)[number];

export function isStaffRole(value: string): value is StaffRole {
  return (staffRoles as readonly string[]).includes(value);
}
