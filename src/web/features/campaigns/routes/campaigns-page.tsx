import { Stack } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { EmptyBlock } from '../../../components/empty-block';
import { ErrorAlert } from '../../../components/error-alert';
import { PageHeader } from '../../../components/page-header';
import { ListSkeleton } from '../../../components/page-loader';
import { RequirePermission } from '../../../components/require-permission';
import { useCan } from '../../../lib/session';
import { campaignsQuery } from '../api';
import { CampaignCard } from '../components/campaign-card';
import { NewCampaign } from '../components/new-campaign';

/**
 * «حملات التواصل»: telling people about a service they may qualify for before they ask. Staff draft, see
 * how many the rules find and who is left out, and a manager approves before anything is sent.
 */
export function CampaignsPage() {
  return (
    <RequirePermission action="campaigns.read">
      <Campaigns />
    </RequirePermission>
  );
}

function Campaigns() {
  const { t } = useTranslation();
  const can = useCan();
  const query = useQuery(campaignsQuery);
  return (
    <>
      <PageHeader title={t('campaigns.title')} description={t('campaigns.description')} />
      <Stack gap="lg">
        {can('campaigns.manage') && <NewCampaign />}
        {query.isPending ? (
          <ListSkeleton />
        ) : query.isError ? (
          <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />
        ) : query.data.length === 0 ? (
          <EmptyBlock title={t('campaigns.empty')} />
        ) : (
          <Stack
            gap="md"
            component="ul"
            p={0}
            m={0}
            style={{ listStyle: 'none' }}
            aria-label={t('campaigns.list')}
          >
            {query.data.map((c) => (
              <CampaignCard key={c.id} campaign={c} />
            ))}
          </Stack>
        )}
      </Stack>
    </>
  );
}
