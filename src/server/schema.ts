// Every table, for drizzle-kit (migrations). Not imported by the app: the platform knows no module.

export * from './modules/appointments/appointments.tables';
export * from './modules/beneficiaries/beneficiaries.tables';
export * from './modules/campaigns/campaigns.tables';
export * from './modules/committee/committee.tables';
export * from './modules/complaints/complaints.tables';
export * from './modules/dashboards/dashboards.tables';
export * from './modules/disputes/disputes.tables';
export * from './modules/inquiries/inquiries.tables';
export * from './modules/messaging/messaging.tables';
export * from './modules/partners/partners.tables';
export * from './modules/policies/policies.tables';
export * from './modules/portal/portal.tables';
export * from './modules/reports/reports.tables';
export * from './modules/requests/requests.tables';
export * from './modules/services/services.tables';
export * from './modules/supporters/supporters.tables';
export * from './modules/surveys/surveys.tables';
export * from './modules/verification/verification.tables';
export * from './platform/audit/audit.tables';
export * from './platform/auth/auth.tables';
export * from './platform/identity/organizations.tables';
export * from './platform/identity/users.tables';
export * from './platform/notifications/outbox.tables';
