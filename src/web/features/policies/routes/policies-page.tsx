import { Anchor, Card, Group, Select, Stack, Text, Title } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type PolicyKind, type PolicySummary, policyKinds } from '../../../../shared/contracts/policies';
import { EmptyBlock } from '../../../components/empty-block';
import { ErrorAlert } from '../../../components/error-alert';
import { LoadMore } from '../../../components/load-more';
import { PageHeader } from '../../../components/page-header';
import { ListSkeleton } from '../../../components/page-loader';
import { RequirePermission } from '../../../components/require-permission';
import { DualDate } from '../../../lib/dates';
import { policyListQuery } from '../api';
import { CreatePolicyButton } from '../components/create-policy';
import { PolicyBadges } from '../components/policy-badges';

/** «السياسات واللوائح»: the association's policy and governing texts, each with its published version. */
export function PoliciesPage() {
  return (
    <RequirePermission action="policies.read">
      <Policies />
    </RequirePermission>
  );
}

function Policies() {
  const { t } = useTranslation();
  const [kind, setKind] = useState<PolicyKind | null>(null);
  const query = useInfiniteQuery(policyListQuery(kind));
  const items = query.data?.pages.flatMap((page) => page.items) ?? [];
  const total = query.data?.pages[0]?.total ?? 0;
  return (
    <>
      <PageHeader
        title={t('policies.title')}
        description={t('policies.description')}
        actions={<CreatePolicyButton />}
      />
      <Group gap="sm" align="flex-end" mb="md">
        <Select
          label={t('policies.fields.kind')}
          placeholder={t('policies.anyKind')}
          data={policyKinds.map((k) => ({ value: k, label: t(`policies.kind.${k}`) }))}
          value={kind}
          onChange={(v) => setKind(v as PolicyKind | null)}
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
          title={t(kind ? 'policies.emptyFiltered' : 'policies.empty')}
          description={kind ? t('common.tryOtherFilters') : t('policies.emptyHint')}
        />
      ) : (
        <Stack
          gap="sm"
          component="ul"
          p={0}
          m={0}
          style={{ listStyle: 'none' }}
          aria-label={t('policies.title')}
        >
          {items.map((p) => (
            <PolicyCard key={p.id} policy={p} />
          ))}
        </Stack>
      )}
      {(query.hasNextPage || (query.data?.pages.length ?? 0) > 1) && (
        <LoadMore
          shown={items.length}
          total={total}
          hasMore={Boolean(query.hasNextPage)}
          loading={query.isFetchingNextPage}
          onLoadMore={() => void query.fetchNextPage()}
        />
      )}
    </>
  );
}

function PolicyCard({ policy }: { policy: PolicySummary }) {
  const { t, i18n } = useTranslation();
  const titleId = useId();
  const title = i18n.language === 'en' ? policy.titleEn : policy.titleAr;
  return (
    <Card withBorder padding="md" component="li" aria-labelledby={titleId}>
      <Group justify="space-between" align="flex-start" gap="xs">
        <Title order={2} size="h5" id={titleId}>
          <Anchor component={Link} to={`/policies/${policy.id}` as never}>
            {title}
          </Anchor>
        </Title>
        <PolicyBadges policy={policy} />
      </Group>
      <Group gap="lg" mt="xs" align="flex-start">
        <Text size="xs" c="dimmed">
          {t('policies.fields.kind')}: {t(`policies.kind.${policy.kind}`)}
        </Text>
        <Text size="xs" c="dimmed" component="div">
          {t('policies.fields.publishedAt')}: <DualDate value={policy.publishedAt} size="xs" />
        </Text>
        <Text size="xs" c="dimmed" component="div">
          {t('policies.fields.reviewDate')}: <DualDate value={policy.reviewDate} size="xs" />
        </Text>
      </Group>
    </Card>
  );
}
