import { Anchor, Badge, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { shownDualDate } from '../../../lib/dates';
import { useNumberFormat } from '../../../lib/numbers';
import { useOrgLists } from '../../../lib/org-lists';
import { useMe } from '../../../lib/session';
import type { HomeReferral, HomeRequest, HomeTask, HomeVote } from '../api';
import { ItemRow } from './work-list';

/**
 * A date in one line: Hijri first, then the Gregorian day it falls on (both in the association's
 * digits). Words join them, not a middle dot: beside Arabic-Indic digits a dot reads as a zero (٠).
 */
export function useDateLine() {
  const { t, i18n } = useTranslation();
  return (value: string, withTime = false) => {
    const d = shownDualDate(value, i18n.language, { withTime });
    return t('home.dualDate', { hijri: d.hijri, gregorian: d.gregorian });
  };
}

/** The time of day only (for something that happened today), in the association's digits. */
function useTimeOfDay() {
  const { i18n } = useTranslation();
  const format = useNumberFormat();
  const timeZone = useMe()?.organization.settings.timeZone ?? 'Asia/Riyadh';
  return (value: string) =>
    format.digits(
      new Intl.DateTimeFormat(i18n.language === 'en' ? 'en-US' : 'ar-SA', {
        hour: '2-digit',
        minute: '2-digit',
        timeZone,
      }).format(new Date(value)),
    );
}

function useServiceName() {
  const { i18n } = useTranslation();
  return (r: { serviceNameAr: string; serviceNameEn: string }) =>
    i18n.language === 'en' ? r.serviceNameEn : r.serviceNameAr;
}

export function useStatusLabel() {
  const { t } = useTranslation();
  const { decisionBodyName } = useOrgLists();
  const body = decisionBodyName || t('requests.decisionBodyFallback');
  return (status: string) => t(`requests.status.${status}`, { body, defaultValue: status });
}

/** "R-000123 — name": the request's number keeps its own direction inside Arabic text. */
function RequestTitle({ number, name }: { number: string; name: string }) {
  return (
    <>
      <bdi>{number}</bdi> — {name}
    </>
  );
}

/** A request: its number and the beneficiary, the service, its stage and the promised decision date. */
export function RequestRow({
  request,
  when = 'decision',
}: {
  request: HomeRequest;
  when?: 'decision' | 'created';
}) {
  const { t } = useTranslation();
  const serviceName = useServiceName();
  const status = useStatusLabel();
  const dateLine = useDateLine();
  const timeOfDay = useTimeOfDay();
  return (
    <ItemRow
      to={`/requests/${request.id}`}
      title={<RequestTitle number={request.number} name={request.beneficiaryName} />}
      late={request.overdue}
    >
      <Group gap="xs" wrap="wrap">
        <Text size="sm">{serviceName(request)}</Text>
        <Badge variant="default" size="sm">
          {status(request.status)}
        </Badge>
      </Group>
      {when === 'created' ? (
        <Text size="xs" c="gray.7">
          {t('home.request.registeredAt', { time: timeOfDay(request.createdAt) })}
        </Text>
      ) : (
        request.expectedDecisionAt && (
          <Text size="xs" c={request.overdue ? 'red.9' : 'gray.7'}>
            {t('home.request.decisionBy', { date: dateLine(request.expectedDecisionAt) })}
          </Text>
        )
      )}
    </ItemRow>
  );
}

export function ReferralRow({ referral }: { referral: HomeReferral }) {
  const { t } = useTranslation();
  const dateLine = useDateLine();
  return (
    <ItemRow
      to={`/requests/${referral.requestId}`}
      title={<RequestTitle number={referral.requestNumber} name={referral.beneficiaryName} />}
      late={referral.overdue}
    >
      <Text size="sm" lineClamp={2}>
        {referral.reason}
      </Text>
      <Text size="xs" c={referral.overdue ? 'red.9' : 'gray.7'}>
        {referral.createdByName
          ? t('home.referrals.fromBy', { name: referral.createdByName, date: dateLine(referral.dueAt) })
          : t('home.referrals.by', { date: dateLine(referral.dueAt) })}
      </Text>
    </ItemRow>
  );
}

export function TaskRow({ task }: { task: HomeTask }) {
  const { t } = useTranslation();
  const dateLine = useDateLine();
  const place = [task.district, task.city].filter(Boolean).join(t('common.listSeparator'));
  return (
    <ItemRow
      to={`/verifications/${task.id}`}
      search={{ requestId: task.requestId }}
      title={t('home.tasks.itemTitle', {
        mechanism: t(`verification.mechanisms.${task.mechanism}`),
        name: task.beneficiaryName,
      })}
      late={task.overdue}
    >
      <Text size="sm">{place}</Text>
      <Group gap="xs" wrap="wrap">
        <Text size="xs" c="gray.7">
          <bdi>{task.requestNumber}</bdi>
        </Text>
        <Anchor href={`tel:${task.phone}`} size="xs">
          <bdi className="ltr-value">{task.phone}</bdi>
        </Anchor>
      </Group>
      {task.scheduledAt && (
        <Text size="xs" c="gray.7">
          {t('home.tasks.scheduled', { date: dateLine(task.scheduledAt, true) })}
        </Text>
      )}
      {(task.dueOn || task.decisionDueAt) && (
        <Text size="xs" c={task.overdue ? 'red.9' : 'gray.7'}>
          {task.dueOn
            ? t('home.tasks.dueOn', { date: dateLine(task.dueOn) })
            : t('home.tasks.decisionBy', { date: dateLine(task.decisionDueAt!) })}
        </Text>
      )}
    </ItemRow>
  );
}

export function VoteRow({ vote }: { vote: HomeVote }) {
  const { t } = useTranslation();
  const serviceName = useServiceName();
  const dateLine = useDateLine();
  return (
    <ItemRow
      to={`/committee/${vote.sessionId}`}
      title={<RequestTitle number={vote.requestNumber} name={vote.beneficiaryName} />}
    >
      <Text size="sm">{serviceName(vote)}</Text>
      <Text size="xs" c="gray.7">
        {t('home.committee.inSession', { title: vote.sessionTitle, date: dateLine(vote.scheduledFor, true) })}
      </Text>
    </ItemRow>
  );
}
