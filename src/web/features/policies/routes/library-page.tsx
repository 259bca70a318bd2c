import { Anchor, Card, Group, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type LibraryItem, type LibraryQuery, libraryKinds } from '../../../../shared/contracts/policies';
import { EmptyBlock } from '../../../components/empty-block';
import { ErrorAlert } from '../../../components/error-alert';
import { PageHeader } from '../../../components/page-header';
import { ListSkeleton } from '../../../components/page-loader';
import { RequirePermission } from '../../../components/require-permission';
import { DualDate } from '../../../lib/dates';
import { libraryQuery } from '../api';

/**
 * «المكتبة المرجعية»: the published bylaws, board and general-assembly decisions and procedures, searched
 * in Arabic (hamza, taa marbuta and alif maqsura forms match each other), each opening its versions.
 */
export function LibraryPage() {
  return (
    <RequirePermission action="policies.read">
      <Library />
    </RequirePermission>
  );
}

function Library() {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const [kind, setKind] = useState<LibraryQuery['kind'] | null>(null);
  const [debouncedQ] = useDebouncedValue(q.trim(), 300);
  const query = useQuery({
    ...libraryQuery({ q: debouncedQ || undefined, kind: kind ?? undefined }),
    placeholderData: keepPreviousData,
  });
  const items = query.data?.items ?? [];
  const filtered = debouncedQ !== '' || kind !== null;
  return (
    <>
      <PageHeader title={t('library.title')} description={t('library.description')} />
      <Group gap="sm" align="flex-end" mb="md" role="search">
        <TextInput
          label={t('library.search')}
          placeholder={t('library.searchPlaceholder')}
          leftSection={<IconSearch size={16} aria-hidden />}
          value={q}
          onChange={(e) => setQ(e.currentTarget.value)}
          w={{ base: '100%', xs: 320 }}
          type="search"
        />
        <Select
          label={t('policies.fields.kind')}
          placeholder={t('policies.anyKind')}
          data={libraryKinds.map((k) => ({ value: k, label: t(`policies.kind.${k}`) }))}
          value={kind}
          onChange={(v) => setKind(v as LibraryQuery['kind'] | null)}
          clearable
          w={{ base: '100%', xs: 220 }}
        />
      </Group>
      {query.isPending ? (
        <ListSkeleton />
      ) : query.isError ? (
        <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />
      ) : items.length === 0 ? (
        <EmptyBlock
          title={t(filtered ? 'library.emptyFiltered' : 'library.empty')}
          description={filtered ? t('common.tryOtherFilters') : t('library.emptyHint')}
        />
      ) : (
        <Stack
          gap="sm"
          component="ul"
          p={0}
          m={0}
          style={{ listStyle: 'none' }}
          aria-label={t('library.title')}
        >
          {items.map((item) => (
            <LibraryCard key={item.id} item={item} />
          ))}
        </Stack>
      )}
    </>
  );
}

function LibraryCard({ item }: { item: LibraryItem }) {
  const { t, i18n } = useTranslation();
  const titleId = useId();
  return (
    <Card withBorder padding="md" component="li" aria-labelledby={titleId}>
      <Title order={2} size="h5" id={titleId}>
        <Anchor component={Link} to={`/policies/${item.id}` as never}>
          {i18n.language === 'en' ? item.titleEn : item.titleAr}
        </Anchor>
      </Title>
      <Group gap="lg" mt="xs" align="flex-start">
        <Text size="xs" c="dimmed">
          {t(`policies.kind.${item.kind}`)} — {t('policies.versionNumber', { number: item.publishedVersion })}
        </Text>
        {item.decisionNumber && (
          <Text size="xs" c="dimmed">
            {t('policies.fields.decisionNumber')}: {item.decisionNumber}
          </Text>
        )}
        <Text size="xs" c="dimmed" component="div">
          {t('policies.fields.publishedAt')}: <DualDate value={item.publishedAt} size="xs" />
        </Text>
      </Group>
    </Card>
  );
}
