import { Anchor, Button, Card, Group, SegmentedControl, Stack, Switch, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconPlus, IconSearch } from '@tabler/icons-react';
import { useInfiniteQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Inquiry, InquiryStatus } from '../../../../shared/contracts/inquiries';
import { PageHeader } from '../../../components/page-header';
import { RequirePermission } from '../../../components/require-permission';
import { shownDualDate } from '../../../lib/dates';
import { useOrgLists } from '../../../lib/org-lists';
import { useCan } from '../../../lib/session';
import { inquiryListQuery } from '../api';
import { InquiryStatusBadge } from '../components/inquiry-status-badge';
import { PagedList } from '../components/paged-list';

export function InquiriesPage() {
  return (
    <RequirePermission action="inquiries.read">
      <Inquiries />
    </RequirePermission>
  );
}

type StatusFilter = 'all' | InquiryStatus;

function Inquiries() {
  const { t } = useTranslation();
  const can = useCan();
  const [status, setStatus] = useState<StatusFilter>('open');
  const [overdue, setOverdue] = useState(false);
  const [q, setQ] = useState('');
  const [debouncedQ] = useDebouncedValue(q.trim(), 300);
  const query = useInfiniteQuery(
    inquiryListQuery({
      status: status === 'all' ? undefined : status,
      overdue: overdue || undefined,
      q: debouncedQ || undefined,
    }),
  );

  return (
    <>
      <PageHeader
        title={t('inquiries.title')}
        description={t('inquiries.description')}
        actions={
          can('inquiries.create') && (
            <Button component={Link} to="/inquiries/new" leftSection={<IconPlus size={18} aria-hidden />}>
              {t('inquiries.new')}
            </Button>
          )
        }
      />
      <Stack gap="sm" mb="md">
        <SegmentedControl
          fullWidth
          value={status}
          onChange={(v) => setStatus(v as StatusFilter)}
          aria-label={t('inquiries.filter')}
          data={(['open', 'answered', 'all'] as const).map((value) => ({
            value,
            label: t(`inquiries.statuses.${value}`),
          }))}
        />
        <Group gap="md" wrap="wrap" align="flex-end">
          <TextInput
            label={t('inquiries.search')}
            placeholder={t('inquiries.searchHint')}
            leftSection={<IconSearch size={16} aria-hidden />}
            value={q}
            onChange={(e) => setQ(e.currentTarget.value)}
            style={{ flex: '1 1 14rem' }}
          />
          <Switch
            label={t('inquiries.overdueOnly')}
            checked={overdue}
            onChange={(e) => setOverdue(e.currentTarget.checked)}
            mb={8}
          />
        </Group>
      </Stack>
      <PagedList
        query={query}
        label={t('inquiries.list')}
        empty={{ title: t('inquiries.empty'), description: t('inquiries.emptyHint') }}
        render={(item: Inquiry) => <InquiryRow key={item.id} inquiry={item} />}
      />
    </>
  );
}

function InquiryRow({ inquiry }: { inquiry: Inquiry }) {
  const { t, i18n } = useTranslation();
  const { channelLabel } = useOrgLists();
  const who = inquiry.beneficiary?.fullNameAr ?? inquiry.contactName ?? t('inquiries.noBeneficiary');
  const due = shownDualDate(inquiry.dueAt, i18n.language);
  return (
    <li>
      <Card withBorder padding="sm">
        <Group justify="space-between" wrap="wrap" gap="xs" mb={4}>
          <Anchor component={Link} to={`/inquiries/${inquiry.id}`} fw={700}>
            {t('inquiries.number', { number: inquiry.number })}
          </Anchor>
          <InquiryStatusBadge inquiry={inquiry} />
        </Group>
        <Text size="sm" lineClamp={2}>
          {inquiry.question}
        </Text>
        <Text size="xs" c="dimmed" mt={4}>
          {who} · {channelLabel(inquiry.channel)} · {t('inquiries.dueAt')}: {due.hijri} ({due.gregorian})
        </Text>
      </Card>
    </li>
  );
}
