// Satisfaction answers written straight into the tables (the results' tests do not depend on the
// answering pages): a survey with one version, its answers and invitations, inside one association.
import { randomBytes } from 'node:crypto';
import type { Services } from '../../src/server/app';
import {
  surveyInvitations,
  surveyResponses,
  surveys,
  surveyVersions,
} from '../../src/server/modules/surveys/surveys.tables';
import { normalizeArabicName } from '../../src/shared/arabic/names';
import type { SurveyChannel, SurveyQuestion } from '../../src/shared/contracts/surveys';
import { inOrganization } from './test-app';

export const fixtureQuestions: SurveyQuestion[] = [
  {
    id: 'overall',
    kind: 'faces',
    labelAr: 'ما مدى رضاك عن الخدمة؟',
    labelEn: 'How satisfied are you?',
    required: true,
  },
  {
    id: 'recommend',
    kind: 'nps',
    labelAr: 'هل توصي بنا؟',
    labelEn: 'Would you recommend us?',
    required: false,
  },
  {
    id: 'speed',
    kind: 'single',
    labelAr: 'سرعة الإنجاز',
    labelEn: 'Speed',
    required: false,
    options: [
      { id: 'fast', labelAr: 'سريعة', labelEn: 'Fast' },
      { id: 'slow', labelAr: 'بطيئة', labelEn: 'Slow' },
    ],
  },
  { id: 'notes', kind: 'text', labelAr: 'ملاحظاتك', labelEn: 'Your notes', required: false },
];

export interface SurveyFixture {
  organizationId: string;
  surveyId: string;
  versionId: string;
}

export async function createSurveyFixture(
  services: Services,
  organizationId: string,
  nameAr = 'رضا المستفيدين',
): Promise<SurveyFixture> {
  return inOrganization(services, organizationId, async () => {
    const [survey] = await services.db
      .insert(surveys)
      .values({ organizationId, nameAr, nameEn: 'Beneficiary satisfaction', trigger: 'delivery' })
      .returning({ id: surveys.id });
    const [version] = await services.db
      .insert(surveyVersions)
      .values({ organizationId, surveyId: survey!.id, version: 1, questions: fixtureQuestions })
      .returning({ id: surveyVersions.id });
    return { organizationId, surveyId: survey!.id, versionId: version!.id };
  });
}

export interface AnswerSpec {
  answeredAt: Date;
  score?: number | null;
  nps?: number | null;
  comment?: string | null;
  serviceId?: string | null;
  staffId?: string | null;
  channel?: SurveyChannel;
  anonymous?: boolean;
  speed?: 'fast' | 'slow';
}

/** Writes the answers; returns their ids in the same order. */
export async function insertAnswers(
  services: Services,
  survey: SurveyFixture,
  answers: AnswerSpec[],
): Promise<string[]> {
  return inOrganization(services, survey.organizationId, async () => {
    const rows = await services.db
      .insert(surveyResponses)
      .values(
        answers.map((a) => ({
          organizationId: survey.organizationId,
          surveyId: survey.surveyId,
          versionId: survey.versionId,
          channel: a.channel ?? 'sms',
          serviceId: a.serviceId ?? null,
          staffId: a.staffId ?? null,
          anonymous: a.anonymous ?? false,
          answers: {
            overall: a.score ?? null,
            recommend: a.nps ?? null,
            speed: a.speed ?? null,
            notes: a.comment ?? null,
          },
          score: a.score ?? null,
          nps: a.nps ?? null,
          comment: a.comment ?? null,
          commentKey: a.comment ? normalizeArabicName(a.comment) : null,
          answeredAt: a.answeredAt,
        })),
      )
      .returning({ id: surveyResponses.id });
    return rows.map((r) => r.id);
  });
}

/** `n` invitations sent at `at` (the response rate's denominator). */
export async function insertInvitations(
  services: Services,
  survey: SurveyFixture,
  n: number,
  at: Date,
  values: {
    serviceId?: string | null;
    staffId?: string | null;
    channel?: SurveyChannel;
    /** How many of them were answered (the day after). */
    answered?: number;
  } = {},
) {
  await inOrganization(services, survey.organizationId, () =>
    services.db.insert(surveyInvitations).values(
      Array.from({ length: n }, (_, k) => ({
        answeredAt: k < (values.answered ?? 0) ? new Date(at.getTime() + 86_400_000) : null,
        organizationId: survey.organizationId,
        surveyId: survey.surveyId,
        versionId: survey.versionId,
        tokenHash: randomBytes(32).toString('hex'),
        channel: values.channel ?? 'sms',
        trigger: 'delivery' as const,
        serviceId: values.serviceId ?? null,
        staffId: values.staffId ?? null,
        expiresAt: new Date(at.getTime() + 14 * 86_400_000),
        createdAt: at,
      })),
    ),
  );
}
