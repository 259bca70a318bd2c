import { Anchor, Button, Card, Group, SegmentedControl, Stack, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue, useMediaQuery } from '@mantine/hooks';
import { IconPlus, IconSearch } from '@tabler/icons-react';
import { useInfiniteQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Service } from '../../../../shared/contracts/services';
import { normalizeDigits } from '../../../../shared/digits';
import { EmptyBlock } from '../../../components/empty-block';
import { ErrorAlert } from '../../../components/error-alert';
import { LoadMore } from '../../../components/load-more';
import { PageHeader } from '../../../components/page-header';
import { ListSkeleton } from '../../../components/page-loader';
import { RequirePermission } from '../../../components/require-permission';
import { useOrgLists } from '../../../lib/org-lists';
import { useCan } from '../../../lib/session';
import { servicesListQuery } from '../api';
import { ActiveBadge, MechanismBadges } from '../components/service-badges';

type ActiveFilter = 'all' | 'true' | 'false';

export function ServicesPage() {
  return (
    <RequirePermission action="services.read">
      <ServicesList />
    </RequirePermission>
  );
}

function ServicesList() {
  const { t } = useTranslation();
  const can = useCan();
  const isPhone = useMediaQuery('(max-width: 48em)', false, { getInitialValueInEffect: false });
  const [q, setQ] = useState('');
  const [active, setActive] = useState<ActiveFilter>('all');
  const [debouncedQ] = useDebouncedValue(q, 300);
  const query = useInfiniteQuery(
    servicesListQuery({
      q: normalizeDigits(debouncedQ).trim() || undefined,
      active: active === 'all' ? undefined : active,
    }),
  );
  const services = query.data?.pages.flatMap((page) => page.items) ?? [];
  const total = query.data?.pages[0]?.total ?? 0;
  const filtered = Boolean(debouncedQ) || active !== 'all';

  return (
    <>
      <PageHeader
        title={t('services.title')}
        description={t('services.description')}
        actions={
          can('services.manage') && (
            <Button component={Link} to="/services/new" leftSection={<IconPlus size={18} aria-hidden />}>
              {t('services.new')}
            </Button>
          )
        }
      />
      <Group gap="sm" mb="md" align="flex-end" role="search">
        <TextInput
          label={t('services.search')}
          placeholder={t('services.searchPlaceholder')}
          leftSection={<IconSearch size={16} aria-hidden />}
          value={q}
          onChange={(e) => setQ(e.currentTarget.value)}
          style={{ flex: '1 1 14rem' }}
        />
        <SegmentedControl
          aria-label={t('services.fields.active')}
          value={active}
          onChange={(v) => setActive(v as ActiveFilter)}
          data={[
            { value: 'all', label: t('common.all') },
            { value: 'true', label: t('services.active') },
            { value: 'false', label: t('services.inactive') },
          ]}
        />
      </Group>
      {query.isPending ? (
        <ListSkeleton />
      ) : query.isError ? (
        <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />
      ) : services.length === 0 ? (
        <EmptyBlock
          title={filtered ? t('services.emptyFiltered') : t('services.empty')}
          description={filtered ? t('common.tryOtherFilters') : undefined}
        />
      ) : (
        <>
          {isPhone ? <ServiceCards services={services} /> : <ServiceTable services={services} />}
          <LoadMore
            shown={services.length}
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

function useServiceText() {
  const { t, i18n } = useTranslation();
  const { documentTypeLabel } = useOrgLists();
  const en = i18n.language === 'en';
  return {
    name: (s: Service) => (en ? s.nameEn : s.nameAr),
    description: (s: Service) => (en ? (s.descriptionEn ?? s.descriptionAr) : s.descriptionAr) ?? '',
    documents: (s: Service) =>
      s.requiredDocuments.length
        ? s.requiredDocuments.map(documentTypeLabel).join(t('common.listSeparator'))
        : t('common.none'),
  };
}

function ServiceName({ service }: { service: Service }) {
  const can = useCan();
  const text = useServiceText();
  return can('services.manage') ? (
    <Anchor component={Link} to={`/services/${service.id}`} fw={600}>
      {text.name(service)}
    </Anchor>
  ) : (
    <Text fw={600}>{text.name(service)}</Text>
  );
}

function ServiceTable({ services }: { services: Service[] }) {
  const { t } = useTranslation();
  const text = useServiceText();
  return (
    <Table.ScrollContainer minWidth={820}>
      <Table striped highlightOnHover verticalSpacing="sm" aria-label={t('services.title')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('services.fields.name')}</Table.Th>
            <Table.Th>{t('services.fields.decisionDays')}</Table.Th>
            <Table.Th>{t('services.fields.verification')}</Table.Th>
            <Table.Th>{t('services.fields.requiredDocuments')}</Table.Th>
            <Table.Th>{t('services.fields.recurrence')}</Table.Th>
            <Table.Th>{t('services.fields.active')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {services.map((s) => (
            <Table.Tr key={s.id}>
              <Table.Td>
                <ServiceName service={s} />
                {text.description(s) && (
                  <Text size="xs" c="dimmed" lineClamp={2} maw={360}>
                    {text.description(s)}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>{t('services.workingDays', { count: s.decisionDays })}</Table.Td>
              <Table.Td>
                <MechanismBadges mechanisms={s.verification} />
              </Table.Td>
              <Table.Td>
                <Text size="sm">{text.documents(s)}</Text>
              </Table.Td>
              <Table.Td>{t(`services.recurrence.${s.recurrence}`)}</Table.Td>
              <Table.Td>
                <ActiveBadge active={s.active} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function ServiceCards({ services }: { services: Service[] }) {
  const { t } = useTranslation();
  const text = useServiceText();
  return (
    <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('services.title')}>
      {services.map((s) => (
        <Card key={s.id} withBorder padding="sm" component="li">
          <Group justify="space-between" wrap="nowrap" align="flex-start">
            <ServiceName service={s} />
            <ActiveBadge active={s.active} />
          </Group>
          {text.description(s) && (
            <Text size="sm" c="dimmed" lineClamp={3}>
              {text.description(s)}
            </Text>
          )}
          <Stack gap={4} mt="xs">
            <Text size="sm">
              {t('services.fields.decisionDays')}: {t('services.workingDays', { count: s.decisionDays })}
            </Text>
            <Text size="sm">
              {t('services.fields.requiredDocuments')}: {text.documents(s)}
            </Text>
            <MechanismBadges mechanisms={s.verification} />
          </Stack>
        </Card>
      ))}
    </Stack>
  );
}
