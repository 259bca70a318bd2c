import { SegmentedControl, Stack } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { reviewStates } from '../../../../shared/contracts/portal-registration';
import { EmptyBlock } from '../../../components/empty-block';
import { ErrorAlert } from '../../../components/error-alert';
import { LoadMore } from '../../../components/load-more';
import { PageHeader } from '../../../components/page-header';
import { ListSkeleton } from '../../../components/page-loader';
import { RequirePermission } from '../../../components/require-permission';
import { type ReviewState, registrationListQuery } from '../api';
import { RegistrationCard } from '../components/registration-card';

/**
 * «التسجيل المسبق»: people who registered from home in the portal and sent their file. Staff check
 * the ID photo and the possible duplicates, then accept the file (it becomes active) or return it to
 * the person with a reason they read in the portal.
 */
export function RegistrationsPage() {
  return (
    <RequirePermission action="registrations.review">
      <Registrations />
    </RequirePermission>
  );
}

function Registrations() {
  const { t } = useTranslation();
  const [state, setState] = useState<ReviewState>('submitted');
  const query = useInfiniteQuery(registrationListQuery(state));
  const items = query.data?.pages.flatMap((page) => page.items) ?? [];
  const total = query.data?.pages[0]?.total ?? 0;

  return (
    <>
      <PageHeader title={t('registrations.title')} description={t('registrations.description')} />
      <SegmentedControl
        fullWidth
        mb="md"
        value={state}
        onChange={(v) => setState(v as ReviewState)}
        aria-label={t('registrations.filter')}
        data={reviewStates.map((value) => ({ value, label: t(`registrations.states.${value}`) }))}
      />
      {query.isPending ? (
        <ListSkeleton />
      ) : query.isError ? (
        <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />
      ) : items.length === 0 ? (
        <EmptyBlock
          title={t(`registrations.empty.${state}`)}
          description={state === 'submitted' ? t('registrations.emptyHint') : undefined}
        />
      ) : (
        <>
          <Stack
            gap="md"
            component="ul"
            p={0}
            m={0}
            style={{ listStyle: 'none' }}
            aria-label={t(`registrations.states.${state}`)}
          >
            {items.map((item) => (
              <RegistrationCard key={item.id} item={item} />
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
