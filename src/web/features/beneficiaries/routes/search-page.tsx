import { Button, Group, Select, Text, TextInput } from '@mantine/core';
import { useDebouncedValue, useMediaQuery } from '@mantine/hooks';
import { IconSearch, IconUserPlus } from '@tabler/icons-react';
import { useInfiniteQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Beneficiary, beneficiaryStatuses } from '../../../../shared/contracts/beneficiaries';
import { normalizeDigits } from '../../../../shared/digits';
import { EmptyBlock } from '../../../components/empty-block';
import { ErrorAlert } from '../../../components/error-alert';
import { LoadMore } from '../../../components/load-more';
import { PageHeader } from '../../../components/page-header';
import { ListSkeleton } from '../../../components/page-loader';
import { RequirePermission } from '../../../components/require-permission';
import { shownNumber } from '../../../lib/numbers';
import { useCan } from '../../../lib/session';
import { beneficiaryListQuery } from '../api';
import { BeneficiaryCards, BeneficiaryTable } from '../components/beneficiary-results';
import { useOrgLists } from '../settings';

export function SearchPage() {
  return (
    <RequirePermission action="beneficiaries.read">
      <BeneficiarySearch />
    </RequirePermission>
  );
}

function BeneficiarySearch() {
  const { t, i18n } = useTranslation();
  const can = useCan();
  const { categoryOptions } = useOrgLists();
  const isPhone = useMediaQuery('(max-width: 48em)', false, { getInitialValueInEffect: false });
  const [q, setQ] = useState('');
  const [city, setCity] = useState('');
  const [category, setCategory] = useState<string | null>(null);
  const [status, setStatus] = useState<Beneficiary['status'] | null>(null);
  const [debouncedQ] = useDebouncedValue(q, 300);
  const [debouncedCity] = useDebouncedValue(city, 300);

  const query = useInfiniteQuery(
    beneficiaryListQuery({
      q: normalizeDigits(debouncedQ).trim() || undefined,
      city: debouncedCity.trim() || undefined,
      category: category ?? undefined,
      status: status ?? undefined,
    }),
  );
  const items = query.data?.pages.flatMap((page) => page.items) ?? [];
  const total = query.data?.pages[0]?.total ?? 0;
  const filtered = Boolean(debouncedQ || debouncedCity || category || status);

  return (
    <>
      <PageHeader
        title={t('beneficiaries.title')}
        description={t('beneficiaries.description')}
        actions={
          can('beneficiaries.create') && (
            <Button
              component={Link}
              to="/beneficiaries/new"
              leftSection={<IconUserPlus size={18} aria-hidden />}
            >
              {t('beneficiaries.new')}
            </Button>
          )
        }
      />
      <Group gap="sm" mb="md" align="flex-end" role="search">
        <TextInput
          label={t('beneficiaries.search.label')}
          placeholder={t('beneficiaries.search.placeholder')}
          description={t('beneficiaries.search.hints')}
          leftSection={<IconSearch size={16} aria-hidden />}
          value={q}
          onChange={(e) => setQ(e.currentTarget.value)}
          style={{ flex: '2 1 18rem' }}
          type="search"
        />
        <Select
          label={t('beneficiaries.fields.categories')}
          placeholder={t('common.all')}
          data={categoryOptions}
          value={category}
          onChange={setCategory}
          clearable
          style={{ flex: '1 1 10rem' }}
        />
        <TextInput
          label={t('beneficiaries.fields.city')}
          placeholder={t('common.all')}
          value={city}
          onChange={(e) => setCity(e.currentTarget.value)}
          style={{ flex: '1 1 9rem' }}
        />
        <Select
          label={t('fields.status')}
          placeholder={t('common.all')}
          data={beneficiaryStatuses.map((s) => ({ value: s, label: t(`beneficiaries.status.${s}`) }))}
          value={status}
          onChange={(v) => setStatus(v as Beneficiary['status'] | null)}
          clearable
          style={{ flex: '1 1 9rem' }}
        />
      </Group>

      {query.isPending ? (
        <ListSkeleton />
      ) : query.isError ? (
        <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />
      ) : items.length === 0 ? (
        <EmptyBlock
          title={filtered ? t('beneficiaries.search.emptyFiltered') : t('beneficiaries.search.empty')}
          description={filtered ? t('common.tryOtherFilters') : undefined}
        />
      ) : (
        <>
          <Text size="sm" fw={600} mb="xs" aria-live="polite">
            {t('beneficiaries.search.results', {
              count: total,
              formatted: shownNumber(total, i18n.language),
            })}
          </Text>
          {isPhone ? <BeneficiaryCards items={items} /> : <BeneficiaryTable items={items} />}
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
