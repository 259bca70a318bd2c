import {
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  smallint,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { type SurveyQuestion, surveyChannels, surveyTriggers } from '../../../shared/contracts/surveys';
import {
  timestampTz as at,
  organizationId,
  tenantPrimaryKey,
  tenantReference,
} from '../../platform/db/columns';
import { users } from '../../platform/identity/users.tables';
import { beneficiaries } from '../beneficiaries/beneficiaries.tables';
import { services } from '../services/services.tables';

// قياس الرضا (migration 0024). A survey's questions live in versions; each answer keeps its version.
export const surveys = pgTable(
  'surveys',
  {
    id: uuid('id').notNull().defaultRandom(),
    organizationId: organizationId(),
    nameAr: text('name_ar').notNull(),
    nameEn: text('name_en').notNull(),
    trigger: text('trigger', { enum: surveyTriggers }).notNull(),
    serviceId: uuid('service_id'),
    ratedDepartment: text('rated_department'),
    periodDays: integer('period_days'),
    active: boolean('active').notNull().default(true),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by'),
    createdAt: at('created_at').notNull().defaultNow(),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (t) => [
    tenantPrimaryKey(t),
    tenantReference(t, t.serviceId, services),
    tenantReference(t, t.createdBy, users),
  ],
);

export const surveyVersions = pgTable(
  'survey_versions',
  {
    id: uuid('id').notNull().defaultRandom(),
    organizationId: organizationId(),
    surveyId: uuid('survey_id').notNull(),
    version: integer('version').notNull(),
    questions: jsonb('questions').$type<SurveyQuestion[]>().notNull(),
    createdBy: uuid('created_by'),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [
    tenantPrimaryKey(t),
    uniqueIndex('survey_versions_survey_version_key').on(t.organizationId, t.surveyId, t.version),
    tenantReference(t, t.surveyId, surveys).onDelete('cascade'),
    tenantReference(t, t.createdBy, users),
  ],
);

/** A one-time link: only the SHA-256 of the token is kept; answered once, then 410. */
export const surveyInvitations = pgTable(
  'survey_invitations',
  {
    id: uuid('id').notNull().defaultRandom(),
    organizationId: organizationId(),
    surveyId: uuid('survey_id').notNull(),
    versionId: uuid('version_id').notNull(),
    tokenHash: text('token_hash').notNull(),
    channel: text('channel', { enum: surveyChannels }).notNull(),
    trigger: text('trigger', { enum: surveyTriggers }).notNull(),
    beneficiaryId: uuid('beneficiary_id'),
    /** Internal surveys: the staff member asked to rate another department. */
    recipientUserId: uuid('recipient_user_id'),
    /** The staff member who served (their own results). */
    staffId: uuid('staff_id'),
    serviceId: uuid('service_id'),
    relatedType: text('related_type'),
    relatedId: uuid('related_id'),
    messageId: uuid('message_id'),
    expiresAt: at('expires_at').notNull(),
    /** The counter's kiosk: the desk whose tablet shows it. */
    desk: text('desk'),
    /** Kiosk invitations only, until answered: the tablet at the desk fetches it (GET /kiosk/next). */
    kioskToken: text('kiosk_token'),
    openedAt: at('opened_at'),
    answeredAt: at('answered_at'),
    createdBy: uuid('created_by'),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [
    tenantPrimaryKey(t),
    uniqueIndex('survey_invitations_token_key').on(t.tokenHash),
    index('survey_invitations_related_idx').on(t.organizationId, t.relatedType, t.relatedId),
    index('survey_invitations_beneficiary_idx').on(t.organizationId, t.beneficiaryId, t.createdAt),
    tenantReference(t, t.surveyId, surveys).onDelete('cascade'),
    tenantReference(t, t.versionId, surveyVersions).onDelete('cascade'),
    tenantReference(t, t.beneficiaryId, beneficiaries).onDelete('set null'),
    tenantReference(t, t.recipientUserId, users),
    tenantReference(t, t.staffId, users),
    tenantReference(t, t.serviceId, services),
    tenantReference(t, t.createdBy, users),
  ],
);

/** An answer: `score` (first faces/stars, 1–5), `nps` (0–10) and `comment` derived once, for the results. */
export const surveyResponses = pgTable(
  'survey_responses',
  {
    id: uuid('id').notNull().defaultRandom(),
    organizationId: organizationId(),
    surveyId: uuid('survey_id').notNull(),
    versionId: uuid('version_id').notNull(),
    invitationId: uuid('invitation_id'),
    channel: text('channel', { enum: surveyChannels }).notNull(),
    serviceId: uuid('service_id'),
    staffId: uuid('staff_id'),
    anonymous: boolean('anonymous').notNull().default(false),
    /** Null when the person chose to answer anonymously. */
    beneficiaryId: uuid('beneficiary_id'),
    answers: jsonb('answers').$type<Record<string, unknown>>().notNull(),
    score: smallint('score'),
    nps: smallint('nps'),
    comment: text('comment'),
    /** The comment through the Arabic search normaliser (trigram index). */
    commentKey: text('comment_key'),
    answeredAt: at('answered_at').notNull().defaultNow(),
  },
  (t) => [
    tenantPrimaryKey(t),
    uniqueIndex('survey_responses_invitation_key').on(t.organizationId, t.invitationId),
    index('survey_responses_service_idx').on(t.organizationId, t.serviceId, t.answeredAt),
    index('survey_responses_staff_idx').on(t.organizationId, t.staffId, t.answeredAt),
    index('survey_responses_survey_idx').on(t.organizationId, t.surveyId, t.answeredAt),
    index('survey_responses_beneficiary_idx').on(t.organizationId, t.beneficiaryId),
    tenantReference(t, t.surveyId, surveys).onDelete('cascade'),
    tenantReference(t, t.versionId, surveyVersions).onDelete('cascade'),
    tenantReference(t, t.invitationId, surveyInvitations).onDelete('set null'),
    tenantReference(t, t.serviceId, services),
    tenantReference(t, t.staffId, users),
    tenantReference(t, t.beneficiaryId, beneficiaries).onDelete('set null'),
  ],
);
