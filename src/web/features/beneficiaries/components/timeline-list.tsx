import { Badge, Text, Timeline } from '@mantine/core';
import {
  IconFileText,
  IconHome,
  IconMessage,
  IconPencil,
  IconShieldCheck,
  IconSignature,
  IconToggleRight,
  IconUserPlus,
} from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { TimelineItem } from '../../../../shared/contracts/beneficiaries';
import { EmptyBlock } from '../../../components/empty-block';
import { ErrorAlert } from '../../../components/error-alert';
import { ListSkeleton } from '../../../components/page-loader';
import { DualDate } from '../../../lib/dates';
import { timelineQuery } from '../api';
import { useOrgLists } from '../settings';

const icons: Record<TimelineItem['kind'], React.ReactNode> = {
  interaction: <IconMessage size={14} aria-hidden />,
  document: <IconFileText size={14} aria-hidden />,
  declaration: <IconSignature size={14} aria-hidden />,
  consent: <IconShieldCheck size={14} aria-hidden />,
  household: <IconHome size={14} aria-hidden />,
  status: <IconToggleRight size={14} aria-hidden />,
  created: <IconUserPlus size={14} aria-hidden />,
  updated: <IconPencil size={14} aria-hidden />,
};

/** Everything that happened on the file, newest first: when (dual date), who, on which channel. */
export function TimelineList({ beneficiaryId }: { beneficiaryId: string }) {
  const { t, i18n } = useTranslation();
  const { channelLabel } = useOrgLists();
  // Summaries the server writes as codes (`intake`, `beneficiaries.create`) read as words.
  const summaryText = (summary: string) => {
    const key = `beneficiaries.timeline.summaries.${summary.replace(/\./g, '_')}`;
    return /^[a-z_.]+$/.test(summary) && i18n.exists(key) ? t(key) : summary;
  };
  const query = useQuery(timelineQuery(beneficiaryId));
  if (query.isPending) return <ListSkeleton rows={3} />;
  if (query.isError) return <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />;
  if (query.data.length === 0) return <EmptyBlock title={t('beneficiaries.timeline.empty')} />;
  return (
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
          <Text size="sm" className="pre-wrap">
            {summaryText(item.summary)}
          </Text>
          <div className="wasl-timeline-meta">
            <DualDate value={item.at} withTime size="xs" />
            {item.actorName && (
              <Text size="xs" c="dimmed">
                {t('beneficiaries.timeline.by', { name: item.actorName })}
              </Text>
            )}
            {item.channel && (
              <Badge size="sm" variant="outline">
                {channelLabel(item.channel)}
              </Badge>
            )}
          </div>
        </Timeline.Item>
      ))}
    </Timeline>
  );
}
