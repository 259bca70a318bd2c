// Every table, for drizzle-kit (migrations) and the typed query builder.

export * from '../../modules/beneficiaries/beneficiaries.tables';
export * from '../../modules/committee/committee.tables';
export * from '../../modules/organizations/organizations.tables';
export * from '../../modules/requests/requests.tables';
export * from '../../modules/services/services.tables';
export * from '../../modules/users/users.tables';
export * from '../../modules/verification/verification.tables';
export * from '../audit/audit.tables';
export * from '../auth/auth.tables';
export * from '../notifications/outbox.tables';
