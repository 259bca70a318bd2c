import { Anchor, Badge, Group, SegmentedControl, Stack, Text, Timeline } from '@mantine/core';
import {
  IconArrowsExchange,
  IconBuildingCommunity,
  IconCalendarEvent,
  IconClipboardCheck,
  IconFileDescription,
  IconFileText,
  IconHelp,
  IconHome,
  IconMail,
  IconMessage,
  IconMessageReport,
  IconPackage,
  IconPencil,
  IconQuestionMark,
  IconShieldCheck,
  IconSignature,
  IconToggleRight,
  IconUserPlus,
} from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type TimelineGroup,
  type TimelineItem,
  timelineGroups,
} from '../../../../shared/contracts/beneficiaries';
import { EmptyBlock } from '../../../components/empty-block';
import { ErrorAlert } from '../../../components/error-alert';
import { ListSkeleton } from '../../../components/page-loader';
import { DualDate } from '../../../lib/dates';
import { timelineQuery } from '../api';
import { useOrgLists } from '../settings';

const icon = (Icon: typeof IconMessage) => <Icon size={14} aria-hidden />;
const icons: Record<TimelineItem['kind'], React.ReactNode> = {
  interaction: icon(IconMessage),
  inquiry: icon(IconQuestionMark),
  complaint: icon(IconMessageReport),
  appointment: icon(IconCalendarEvent),
  request: icon(IconFileDescription),
  transition: icon(IconArrowsExchange),
  referral: icon(IconHelp),
  referral_answer: icon(IconHelp),
  verification: icon(IconClipboardCheck),
  delivery: icon(IconPackage),
  letter: icon(IconFileText),
  message: icon(IconMail),
  partner_referral: icon(IconBuildingCommunity),
  document: icon(IconFileText),
  declaration: icon(IconSignature),
  consent: icon(IconShieldCheck),
  household: icon(IconHome),
  status: icon(IconToggleRight),
  created: icon(IconUserPlus),
  updated: icon(IconPencil),
};

const groups = Object.keys(timelineGroups) as TimelineGroup[];
const str = (v: unknown) => (typeof v === 'string' ? v : v == null ? '' : String(v));

/** Everything that happened on the file, newest first: when (dual date), who, on which channel. */
export function TimelineList({ beneficiaryId }: { beneficiaryId: string }) {
  const { t } = useTranslation();
  const [group, setGroup] = useState<TimelineGroup | 'all'>('all');
  const query = useQuery(timelineQuery(beneficiaryId, group === 'all' ? null : group));
  return (
    <Stack gap="md">
      <SegmentedControl
        aria-label={t('beneficiaries.timeline.filter')}
        value={group}
        onChange={(v) => setGroup(v as TimelineGroup | 'all')}
        data={[
          { value: 'all', label: t('beneficiaries.timeline.groups.all') },
          ...groups.map((g) => ({ value: g, label: t(`beneficiaries.timeline.groups.${g}`) })),
        ]}
        className="wasl-timeline-filter"
        fullWidth
      />
      {query.isPending ? (
        <ListSkeleton rows={3} />
      ) : query.isError ? (
        <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />
      ) : query.data.length === 0 ? (
        <EmptyBlock title={t('beneficiaries.timeline.empty')} />
      ) : (
        <Timeline bulletSize={26} lineWidth={2} aria-label={t('beneficiaries.tabs.timeline')}>
          {query.data.map((item) => (
            <Timeline.Item
              key={item.id}
              bullet={icons[item.kind]}
              title={
                <Text fw={600} size="sm">
                  {t(`beneficiaries.timeline.kinds.${item.kind}`)}
                </Text>
              }
            >
              <ItemBody item={item} />
              <ItemMeta item={item} />
            </Timeline.Item>
          ))}
        </Timeline>
      )}
    </Stack>
  );
}

function ItemBody({ item }: { item: TimelineItem }) {
  const { t, i18n } = useTranslation();
  const d = item.details;
  // Summaries the server writes as codes (`intake`, `beneficiaries.create`) read as words.
  const summaryText = (summary: string) => {
    const key = `beneficiaries.timeline.summaries.${summary.replace(/\./g, '_')}`;
    return /^[a-z_.]+$/.test(summary) && i18n.exists(key) ? t(key) : summary;
  };
  const requestLink = d.requestId ? (
    <Anchor component={Link} to={`/requests/${str(d.requestId)}` as never} size="sm" fw={600}>
      {t('beneficiaries.timeline.requestNumber', { number: str(d.number) })}
    </Anchor>
  ) : null;
  switch (item.kind) {
    case 'request':
      return (
        <Text size="sm">
          {str(i18n.language === 'en' && d.serviceEn ? d.serviceEn : d.service)} — {requestLink}
        </Text>
      );
    case 'transition':
      return (
        <Stack gap={2}>
          <Text size="sm">
            {t(`requests.actions.${str(d.action)}`, { defaultValue: str(d.action) })} →{' '}
            {t(`requests.status.${str(d.to)}`, { defaultValue: str(d.to) })} — {requestLink}
          </Text>
          {d.note ? (
            <Text size="sm" c="dimmed" className="pre-wrap">
              {str(d.note)}
            </Text>
          ) : null}
        </Stack>
      );
    case 'verification':
      return (
        <Text size="sm">
          {t(`requests.mechanisms.${str(d.mechanism)}`, { defaultValue: str(d.mechanism) })} — {requestLink}
        </Text>
      );
    case 'letter':
      return (
        <Text size="sm">
          {t(`requests.status.${str(d.decision)}`, { defaultValue: str(d.decision) })} — {requestLink}
        </Text>
      );
    case 'referral':
    case 'referral_answer':
    case 'delivery':
      return (
        <Stack gap={2}>
          <Text size="sm" className="pre-wrap">
            {item.summary}
          </Text>
          {item.kind === 'referral_answer' && d.question ? (
            <Text size="xs" c="dimmed" className="pre-wrap">
              {t('beneficiaries.timeline.question', { question: str(d.question) })}
            </Text>
          ) : null}
          {requestLink && <Text size="xs">{requestLink}</Text>}
        </Stack>
      );
    case 'inquiry':
      return (
        <Stack gap={2}>
          <Text size="sm" className="pre-wrap">
            {item.summary}
          </Text>
          {d.answer ? (
            <Text size="sm" c="dimmed" className="pre-wrap">
              {t('beneficiaries.timeline.answer', { answer: str(d.answer) })}
            </Text>
          ) : null}
        </Stack>
      );
    case 'appointment':
      return (
        <Text size="sm">
          {t(`beneficiaries.timeline.appointmentStatus.${str(d.status)}`, { defaultValue: str(d.status) })}
          {d.purpose ? ` — ${str(d.purpose)}` : ''}
        </Text>
      );
    case 'partner_referral':
      return (
        <Text size="sm" className="pre-wrap">
          {str(d.partner)} — {str(d.reason)}
        </Text>
      );
    default:
      return (
        <Text size="sm" className="pre-wrap">
          {summaryText(item.summary)}
        </Text>
      );
  }
}

function ItemMeta({ item }: { item: TimelineItem }) {
  const { t } = useTranslation();
  const { channelLabel } = useOrgLists();
  const status = item.kind === 'message' ? str(item.details.status) : null;
  return (
    <Group gap="xs" className="wasl-timeline-meta">
      <DualDate value={item.at} withTime size="xs" />
      {item.actorName && (
        <Text size="xs" c="dimmed">
          {t('beneficiaries.timeline.by', { name: item.actorName })}
        </Text>
      )}
      {item.channel && (
        <Badge size="sm" variant="outline">
          {item.kind === 'message'
            ? t(`outbox.channels.${item.channel}`, { defaultValue: item.channel })
            : channelLabel(item.channel)}
        </Badge>
      )}
      {status && (
        <Badge size="sm" variant="light" color={status === 'failed' ? 'red' : 'gray'}>
          {t(`outbox.statuses.${status}`, { defaultValue: status })}
        </Badge>
      )}
    </Group>
  );
}
