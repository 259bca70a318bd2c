import { Anchor, Button, Card, Group, Skeleton, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconFilePlus, IconSearch, IconUserPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { normalizeDigits } from '../../../../shared/digits';
import { ErrorAlert } from '../../../components/error-alert';
import { ListSkeleton } from '../../../components/page-loader';
import { useNumberFormat } from '../../../lib/numbers';
import { useCan } from '../../../lib/session';
import { counterSearchQuery, type SectionOf } from '../api';
import { RequestRow } from './rows';
import { EmptyNote, SectionCard, WorkList } from './work-list';

/**
 * The relations officer's counter: find the person in front of them (national ID, name or phone) and
 * open their file, or register them; and what the association registered today.
 */
export function CounterSection({ section }: { section: SectionOf<'counter'> | undefined }) {
  const { t } = useTranslation();
  const can = useCan();
  return (
    <SectionCard
      title={t('home.counter.title')}
      staffRole="relations_officer"
      description={t('home.counter.description')}
    >
      <Stack gap="md">
        {can('beneficiaries.read') && <CounterSearch />}
        <Group gap="sm">
          {can('beneficiaries.create') && (
            <Button
              component={Link}
              to="/beneficiaries/new"
              leftSection={<IconUserPlus size={18} aria-hidden />}
            >
              {t('home.counter.newIntake')}
            </Button>
          )}
          {can('requests.create') && (
            <Button
              component={Link}
              to="/requests/new"
              variant="default"
              leftSection={<IconFilePlus size={18} aria-hidden />}
            >
              {t('home.counter.newRequest')}
            </Button>
          )}
        </Group>
        <TodayAtTheCounter section={section} />
      </Stack>
    </SectionCard>
  );
}

function CounterSearch() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const can = useCan();
  const resultsId = useId();
  const [q, setQ] = useState('');
  const [debounced] = useDebouncedValue(normalizeDigits(q).trim(), 300);
  const search = useQuery(counterSearchQuery(debounced));
  const items = search.data?.items ?? [];
  const active = debounced.length >= 2;
  // A full national ID or Iqama number that matches no one is offered to the intake, typed already.
  const nid = /^[12]\d{9}$/.test(debounced) ? debounced : undefined;

  return (
    <Stack gap="xs" role="search" aria-label={t('home.counter.searchLabel')}>
      <TextInput
        type="search"
        label={t('home.counter.searchLabel')}
        description={t('home.counter.searchHint')}
        placeholder={t('home.counter.searchPlaceholder')}
        leftSection={<IconSearch size={16} aria-hidden />}
        value={q}
        onChange={(e) => setQ(e.currentTarget.value)}
        onKeyDown={(e) => {
          // Enter on a single match opens the file at once (the national ID case).
          if (e.key === 'Enter' && items.length === 1) {
            void navigate({ to: '/beneficiaries/$beneficiaryId', params: { beneficiaryId: items[0]!.id } });
          }
        }}
        aria-controls={resultsId}
        // The hint is read with the field, so it needs the contrast of body text.
        styles={{ description: { color: 'var(--mantine-color-gray-7)' } }}
        autoComplete="off"
      />
      <div id={resultsId} aria-live="polite">
        {!active ? null : search.isPending ? (
          <ListSkeleton rows={2} />
        ) : search.isError ? (
          <ErrorAlert error={search.error} onRetry={() => void search.refetch()} />
        ) : items.length === 0 ? (
          <Stack gap={4}>
            <EmptyNote>{t('home.counter.noMatch')}</EmptyNote>
            {can('beneficiaries.create') && (
              <Anchor component={Link} to="/beneficiaries/new" search={{ nid } as never} size="sm" fw={600}>
                {nid ? t('home.counter.registerId', { nid }) : t('home.counter.newIntake')}
              </Anchor>
            )}
          </Stack>
        ) : (
          <Stack gap="xs">
            <Text size="sm" fw={600}>
              {t('home.counter.results', { count: search.data!.total })}
            </Text>
            <Stack
              gap="xs"
              component="ul"
              p={0}
              m={0}
              style={{ listStyle: 'none' }}
              aria-label={t('home.counter.resultsLabel')}
            >
              {items.map((b) => (
                <Card key={b.id} component="li" withBorder padding="sm" radius="sm">
                  <Group justify="space-between" gap="xs" wrap="wrap">
                    <Stack gap={2} style={{ minWidth: 0 }}>
                      <Anchor component={Link} to={`/beneficiaries/${b.id}` as never} fw={600}>
                        {b.fullNameAr}
                      </Anchor>
                      <Text size="xs" c="gray.7">
                        {t('home.counter.fileNumber')} <bdi>{b.fileNumber}</bdi>
                        {t('common.listSeparator')}
                        <bdi className="ltr-value">{b.nationalId}</bdi>
                        {t('common.listSeparator')}
                        <bdi className="ltr-value">{b.phone}</bdi>
                      </Text>
                    </Stack>
                    {can('requests.create') && (
                      <Button
                        component={Link}
                        to="/requests/new"
                        search={{ beneficiaryId: b.id } as never}
                        size="compact-sm"
                        variant="light"
                        aria-label={t('home.counter.newRequestFor', { name: b.fullNameAr })}
                      >
                        {t('home.counter.newRequest')}
                      </Button>
                    )}
                  </Group>
                </Card>
              ))}
            </Stack>
            {search.data!.total > items.length && (
              <Anchor component={Link} to="/beneficiaries" size="sm">
                {t('home.counter.moreResults', { count: search.data!.total - items.length })}
              </Anchor>
            )}
          </Stack>
        )}
      </div>
    </Stack>
  );
}

function TodayAtTheCounter({ section }: { section: SectionOf<'counter'> | undefined }) {
  const { t } = useTranslation();
  const format = useNumberFormat();
  const titleId = useId();
  return (
    <Stack gap="xs" component="section" aria-labelledby={titleId}>
      <Title order={3} size="h5" id={titleId}>
        {t('home.counter.todayTitle')}
      </Title>
      {!section ? (
        <>
          <Skeleton height={20} width="60%" />
          <ListSkeleton rows={2} />
        </>
      ) : (
        <>
          <Group gap="lg">
            <Text size="sm">
              {t('home.counter.requestsToday')}{' '}
              <Text span fw={700} size="lg">
                {format.number(section.requestsToday.total)}
              </Text>
            </Text>
            <Text size="sm">
              {t('home.counter.beneficiariesToday')}{' '}
              <Text span fw={700} size="lg">
                {format.number(section.beneficiariesToday)}
              </Text>
            </Text>
          </Group>
          <WorkList
            label={t('home.counter.todayList')}
            items={section.requestsToday.items}
            total={section.requestsToday.total}
            keyOf={(r) => r.id}
            render={(r) => <RequestRow request={r} when="created" />}
            empty={t('home.counter.todayEmpty')}
            seeAll={{
              to: '/requests',
              search: { queue: 'all', sort: 'newest' },
              label: t('home.counter.todaySeeAll'),
            }}
          />
        </>
      )}
    </Stack>
  );
}
