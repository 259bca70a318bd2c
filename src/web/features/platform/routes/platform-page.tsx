import { Alert, Stack, Title } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { EmptyBlock } from '../../../components/empty-block';
import { ErrorAlert } from '../../../components/error-alert';
import { LoadMore } from '../../../components/load-more';
import { PageHeader } from '../../../components/page-header';
import { ListSkeleton } from '../../../components/page-loader';
import { useMe } from '../../../lib/session';
import { platformOrganizationsQuery } from '../api';
import { NewOrganizationForm } from '../components/new-organization-form';
import { OrganizationRow } from '../components/organization-row';

/** «إدارة المنصة»: the associations of this install, for the platform operator only (not a role). */
export function PlatformPage() {
  const { t } = useTranslation();
  const me = useMe();
  if (!me?.user.platformOperator) {
    return (
      <>
        <Title order={1} size="h2" mb="md">
          {t('common.forbiddenTitle')}
        </Title>
        <Alert color="orange" icon={<IconLock aria-hidden />}>
          {t('errors.FORBIDDEN')}
        </Alert>
      </>
    );
  }
  return <Platform ownOrganizationId={me.organization.id} />;
}

function Platform({ ownOrganizationId }: { ownOrganizationId: string }) {
  const { t } = useTranslation();
  const query = useInfiniteQuery(platformOrganizationsQuery);
  const items = query.data?.pages.flatMap((p) => p.items) ?? [];
  const total = query.data?.pages[0]?.total ?? 0;
  return (
    <>
      <PageHeader title={t('platform.title')} description={t('platform.description')} />
      <Stack gap="lg">
        <NewOrganizationForm />
        {query.isPending ? (
          <ListSkeleton />
        ) : query.isError ? (
          <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />
        ) : items.length === 0 ? (
          <EmptyBlock title={t('platform.empty')} />
        ) : (
          <section aria-label={t('platform.list')}>
            <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
              {items.map((o) => (
                <OrganizationRow key={o.id} organization={o} own={o.id === ownOrganizationId} />
              ))}
            </Stack>
            <LoadMore
              shown={items.length}
              total={total}
              hasMore={query.hasNextPage}
              loading={query.isFetchingNextPage}
              onLoadMore={() => void query.fetchNextPage()}
            />
          </section>
        )}
      </Stack>
    </>
  );
}
