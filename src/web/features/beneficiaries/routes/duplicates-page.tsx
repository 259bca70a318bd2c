import { Anchor, Stack } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { EmptyBlock } from '../../../components/empty-block';
import { ErrorAlert } from '../../../components/error-alert';
import { PageHeader } from '../../../components/page-header';
import { ListSkeleton } from '../../../components/page-loader';
import { RequirePermission } from '../../../components/require-permission';
import { duplicatesQuery } from '../api';
import { DuplicatePairCard } from '../components/duplicate-pair-card';
import '../beneficiaries.css';

export function DuplicatesPage() {
  return (
    <RequirePermission action="beneficiaries.review_duplicates">
      <Duplicates />
    </RequirePermission>
  );
}

function Duplicates() {
  const { t } = useTranslation();
  const query = useQuery(duplicatesQuery);
  return (
    <>
      <Anchor component={Link} to="/beneficiaries" size="sm">
        {t('beneficiaries.backToList')}
      </Anchor>
      <PageHeader
        title={t('beneficiaries.duplicates.title')}
        description={t('beneficiaries.duplicates.description')}
      />
      {query.isPending ? (
        <ListSkeleton />
      ) : query.isError ? (
        <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />
      ) : query.data.length === 0 ? (
        <EmptyBlock title={t('beneficiaries.duplicates.empty')} />
      ) : (
        <Stack gap="md" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
          {query.data.map((pair) => (
            <DuplicatePairCard key={pair.id} pair={pair} />
          ))}
        </Stack>
      )}
    </>
  );
}
