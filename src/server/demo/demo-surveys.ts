/**
 * Six months of satisfaction answers for each demo association (so the results page, its trend and the
 * «قلتم، فعلنا» page have something true to show), and two improvement actions: one done and published,
 * one open from a low score. Answers are written as the answering page would store them, dated in the
 * past; the actions go through the improvements service (audited).
 */
import { createHash, randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { normalizeArabicName } from '../../shared/arabic/names';
import type { SurveyChannel } from '../../shared/contracts/surveys';
import type { Services } from '../app';
import { services as serviceTable } from '../modules/services/services.tables';
import {
  surveyInvitations,
  surveyResponses,
  surveys,
  surveyVersions,
} from '../modules/surveys/surveys.tables';
import type { ActorContext } from '../platform/http/context';

const comments = [
  'الموظفون متعاونون والتسليم كان في موعده',
  'الانتظار في الاستقبال طويل لكبار السن',
  'شكرًا على سرعة الرد على اتصالي',
  'أتمنى توضيح المستندات المطلوبة من البداية',
  'خدمة ممتازة وتعامل راقٍ',
  'لم يصلني موعد الزيارة إلا متأخرًا',
];
const channels: SurveyChannel[] = ['sms', 'whatsapp', 'sms', 'portal', 'kiosk'];

/** A fixed sequence (the same demo every time): scores leaning satisfied, improving in recent months. */
function scoreAt(i: number, monthsAgo: number): number {
  const base = [5, 4, 4, 3, 5, 2, 4, 5, 4, 1][i % 10]!;
  return Math.min(5, monthsAgo <= 1 && base <= 3 ? base + 1 : base);
}

export async function seedSatisfaction(
  services: Services,
  organizationId: string,
  as: (role: 'quality_officer' | 'service_officer') => ActorContext,
): Promise<void> {
  const db = services.db;
  const [survey] = await db
    .select({ id: surveys.id, versionId: surveyVersions.id })
    .from(surveys)
    .innerJoin(
      surveyVersions,
      and(
        eq(surveyVersions.organizationId, surveys.organizationId),
        eq(surveyVersions.surveyId, surveys.id),
        eq(surveyVersions.version, surveys.version),
      ),
    )
    .where(and(eq(surveys.organizationId, organizationId), eq(surveys.trigger, 'delivery')));
  if (!survey) return;
  const offered = await db
    .select({ id: serviceTable.id })
    .from(serviceTable)
    .where(eq(serviceTable.organizationId, organizationId));
  if (offered.length === 0) return;
  const now = services.clock.now().getTime();
  const day = 86_400_000;
  const staffId = as('service_officer').actor.userId;
  const rows: (typeof surveyResponses.$inferInsert)[] = [];
  const invitations: (typeof surveyInvitations.$inferInsert)[] = [];
  // 96 invitations sent after deliveries over six months; three in four answered.
  for (let k = 0; k < 96; k++) {
    const daysAgo = 3 + Math.floor((k * 180) / 96);
    const answered = k % 4 !== 3;
    const invitationId = randomUUID();
    invitations.push({
      id: invitationId,
      organizationId,
      surveyId: survey.id,
      versionId: survey.versionId,
      tokenHash: createHash('sha256').update(randomUUID()).digest('hex'),
      channel: channels[k % channels.length]!,
      trigger: 'delivery',
      serviceId: offered[k % offered.length]!.id,
      staffId,
      expiresAt: new Date(now - (daysAgo - 13) * day),
      answeredAt: answered ? new Date(now - daysAgo * day) : null,
      createdAt: new Date(now - (daysAgo + 1) * day),
    });
    if (!answered) continue;
    const score = scoreAt(k, Math.floor(daysAgo / 30));
    const comment = k % 3 === 0 ? comments[(k / 3) % comments.length]! : null;
    const nps = Math.min(10, score * 2 + (k % 2));
    const anonymous = k % 3 === 0;
    rows.push({
      organizationId,
      surveyId: survey.id,
      versionId: survey.versionId,
      // An anonymous answer keeps no link to its invitation (decision 021).
      invitationId: anonymous ? null : invitationId,
      channel: channels[k % channels.length]!,
      serviceId: offered[k % offered.length]!.id,
      staffId,
      anonymous,
      answers: { satisfaction: score, recommend: nps, comments: comment },
      score,
      nps,
      comment,
      commentKey: comment ? normalizeArabicName(comment) : null,
      answeredAt: new Date(now - daysAgo * day),
    });
  }
  await db.insert(surveyInvitations).values(invitations);
  await db.insert(surveyResponses).values(rows);

  const quality = as('quality_officer');
  const done = await services.improvements.create(quality, {
    title: 'وقت مخصص لكبار السن في الاستقبال',
    source: 'suggestion',
    serviceId: offered[0]!.id,
    description: 'اقتراح من المستفيدين: انتظار كبار السن في الاستقبال طويل.',
  });
  await services.improvements.update(quality, done.id, {
    status: 'done',
    outcome: 'خُصصت الساعة الأولى من الدوام لكبار السن، ونافذة استقبال لهم.',
    saidAr: 'الانتظار في الاستقبال طويل على كبار السن.',
    didAr: 'خصصنا الساعة الأولى من كل يوم عمل ونافذة استقبال لكبار السن.',
    saidEn: 'Waiting at reception is long for the elderly.',
    didEn: 'We set aside the first hour of each working day and a reception window for the elderly.',
    published: true,
  });
  await services.improvements.create(quality, {
    title: 'إبلاغ المستفيد بموعد الزيارة الميدانية قبل يومين',
    source: 'low_score',
    serviceId: offered[offered.length - 1]!.id,
    description: 'تقييمات منخفضة ذكرت وصول موعد الزيارة متأخرًا.',
  });
}
