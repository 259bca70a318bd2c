import { Anchor, Badge, Card, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert';
import { LoadMore } from '../../../components/load-more';
import { DualDate } from '../../../lib/dates';
import { useNumberFormat } from '../../../lib/numbers';
import { serviceOptionsQuery } from '../../../lib/pick-lists';
import { useCan } from '../../../lib/session';
import { type ResultsFilters, surveyCommentsQuery } from '../api';

/** What people wrote, newest first; the search folds Arabic spellings (أ/ا, ة/ه, diacritics) on the server. */
export function CommentsList({ filters }: { filters: ResultsFilters }) {
  const { t, i18n } = useTranslation();
  const can = useCan();
  const format = useNumberFormat();
  const [q, setQ] = useState('');
  const [debounced] = useDebouncedValue(q.trim(), 300);
  const query = useInfiniteQuery(surveyCommentsQuery(filters, debounced));
  const services = useQuery(serviceOptionsQuery);
  const items = query.data?.pages.flatMap((p) => p.items) ?? [];
  const total = query.data?.pages[0]?.total ?? 0;
  const serviceName = (id: string | null) => {
    const s = services.data?.find((x) => x.id === id);
    return s ? (i18n.language === 'en' && s.nameEn ? s.nameEn : s.nameAr) : null;
  };
  return (
    <Card withBorder component="section" aria-labelledby="comments-title">
      <Title order={2} size="h4" mb="sm" id="comments-title">
        {t('surveys.comments.title')}
      </Title>
      <TextInput
        label={t('surveys.comments.search')}
        leftSection={<IconSearch size={16} aria-hidden />}
        value={q}
        onChange={(e) => setQ(e.currentTarget.value)}
        maxLength={200}
        type="search"
        mb="sm"
        maw={420}
      />
      {query.isPending ? (
        <Text size="sm">{t('common.loading')}</Text>
      ) : query.isError ? (
        <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />
      ) : items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t(debounced ? 'surveys.comments.noMatch' : 'surveys.comments.empty')}
        </Text>
      ) : (
        <>
          <Stack
            gap="xs"
            component="ul"
            p={0}
            m={0}
            style={{ listStyle: 'none' }}
            aria-label={t('surveys.comments.title')}
          >
            {items.map((c) => (
              <Card key={c.id} component="li" withBorder padding="sm" bg="var(--mantine-color-default-hover)">
                <Text size="sm" dir="auto" style={{ whiteSpace: 'pre-wrap' }}>
                  {c.comment}
                </Text>
                <Group gap="sm" mt={6}>
                  {c.score !== null && (
                    <Badge variant="light" color={c.score >= 4 ? 'teal' : c.score <= 2 ? 'red' : 'gray'}>
                      {t('surveys.comments.score', { n: format.number(c.score) })}
                    </Badge>
                  )}
                  <Badge variant="outline" color="gray">
                    {t(`surveys.channels.${c.channel}`)}
                  </Badge>
                  {serviceName(c.serviceId) && (
                    <Text size="xs" c="dimmed">
                      {serviceName(c.serviceId)}
                    </Text>
                  )}
                  <DualDate value={c.answeredAt} size="xs" />
                  {c.score !== null && c.score <= 2 && can('improvements.manage') && (
                    <Anchor
                      component={Link}
                      to="/improvement-actions"
                      search={{ fromResponse: c.id, serviceId: c.serviceId ?? undefined } as never}
                      size="xs"
                    >
                      {t('surveys.comments.improve')}
                    </Anchor>
                  )}
                </Group>
              </Card>
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
    </Card>
  );
}
