import { SegmentedControl, Stack, Tabs } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyBlock } from '../../../components/empty-block';
import { ErrorAlert } from '../../../components/error-alert';
import { LoadMore } from '../../../components/load-more';
import { PageHeader } from '../../../components/page-header';
import { ListSkeleton } from '../../../components/page-loader';
import { RequirePermission } from '../../../components/require-permission';
import { useNumberFormat } from '../../../lib/numbers';
import { useCan } from '../../../lib/session';
import { type ReferralBox, type ReferralState, referralInboxQuery } from '../api';
import { ReferralCard } from '../components/referral-card';

const states: ReferralState[] = ['open', 'overdue', 'answered'];

/**
 * «الإحالات» (policy step 3): the supervisor / social research officer answers the questions staff
 * referred to them, with the case at hand; whoever referred a case reads the answers here.
 */
export function ReferralsPage() {
  return (
    <RequirePermission action="requests.read">
      <Referrals />
    </RequirePermission>
  );
}

function Referrals() {
  const { t } = useTranslation();
  const can = useCan();
  const answers = can('referrals.answer');
  const [box, setBox] = useState<ReferralBox>(answers ? 'assigned' : 'sent');
  const [state, setState] = useState<ReferralState>('open');
  return (
    <>
      <PageHeader title={t('referrals.title')} description={t('referrals.description')} />
      {answers && (
        <Tabs value={box} onChange={(v) => v && setBox(v as ReferralBox)} mb="md">
          <Tabs.List>
            <Tabs.Tab value="assigned">{t('referrals.boxes.assigned')}</Tabs.Tab>
            <Tabs.Tab value="sent">{t('referrals.boxes.sent')}</Tabs.Tab>
          </Tabs.List>
        </Tabs>
      )}
      <InboxList box={box} state={state} onState={setState} />
    </>
  );
}

function InboxList({
  box,
  state,
  onState,
}: {
  box: ReferralBox;
  state: ReferralState;
  onState: (s: ReferralState) => void;
}) {
  const { t } = useTranslation();
  const fmt = useNumberFormat();
  const query = useInfiniteQuery(referralInboxQuery(box, state));
  const items = query.data?.pages.flatMap((page) => page.items) ?? [];
  const counts = query.data?.pages[0]?.counts;
  const total = query.data?.pages[0]?.total ?? 0;
  return (
    <>
      <SegmentedControl
        fullWidth
        mb="md"
        value={state}
        onChange={(v) => onState(v as ReferralState)}
        aria-label={t('referrals.filter')}
        data={states.map((value) => ({
          value,
          label: counts
            ? t(`referrals.states.${value}Count`, { n: fmt.number(counts[value]) })
            : t(`referrals.states.${value}`),
        }))}
      />
      {query.isPending ? (
        <ListSkeleton />
      ) : query.isError ? (
        <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />
      ) : items.length === 0 ? (
        <EmptyBlock title={t(`referrals.empty.${box}.${state}`)} />
      ) : (
        <>
          <Stack
            gap="md"
            component="ul"
            p={0}
            m={0}
            style={{ listStyle: 'none' }}
            aria-label={t(`referrals.states.${state}`)}
          >
            {items.map((item) => (
              <ReferralCard key={item.id} item={item} canAnswer={box === 'assigned'} />
            ))}
          </Stack>
          <LoadMore
            shown={items.length}
            total={total}
            hasMore={Boolean(query.hasNextPage)}
            loading={query.isFetchingNextPage}
            onLoadMore={() => void query.fetchNextPage()}
          />
        </>
      )}
    </>
  );
}
