import { Badge, Card, Grid, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { PolicyDetail, PolicyVersion } from '../../../../shared/contracts/policies';
import { ErrorAlert } from '../../../components/error-alert';
import { ExpandableText } from '../../../components/expandable-text';
import { PageHeader } from '../../../components/page-header';
import { ListSkeleton } from '../../../components/page-loader';
import { PolicyRulesCard } from '../../../components/policy-rules-card';
import { RequirePermission } from '../../../components/require-permission';
import { DualDate } from '../../../lib/dates';
import { useCan } from '../../../lib/session';
import { policyQuery } from '../api';
import { AcknowledgeCard, AcknowledgementsCard } from '../components/acknowledgements-card';
import { ContextsCard } from '../components/contexts-card';
import { MinutesFile } from '../components/minutes-file';
import { PolicyBadges } from '../components/policy-badges';
import { PolicyDiffCard } from '../components/policy-diff';
import { DraftEditor, VersionWorkflow } from '../components/version-workflow';

/** One policy: its published text, its versions and their approval, the diff, and acknowledgements. */
export function PolicyPage() {
  return (
    <RequirePermission action="policies.read">
      <Detail />
    </RequirePermission>
  );
}

function Detail() {
  const { t, i18n } = useTranslation();
  const { policyId } = useParams({ from: '/app/policies/$policyId' });
  const can = useCan();
  const query = useQuery(policyQuery(policyId));
  if (query.isPending) return <ListSkeleton />;
  if (query.isError) return <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />;
  const policy = query.data;
  const latest = policy.versions[0];
  const title = i18n.language === 'en' ? policy.titleEn : policy.titleAr;
  return (
    <>
      <PageHeader
        title={title}
        description={t(`policies.kind.${policy.kind}`)}
        actions={<PolicyBadges policy={policy} />}
      />
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack gap="md">
            <PublishedText policy={policy} />
            {policy.kind === 'policy' && policy.publishedBody && (
              <PolicyRulesCard body={policy.publishedBody} />
            )}
            {can('policies.manage') && latest?.status === 'draft' && (
              <Card withBorder component="section" aria-label={t('policies.draft')}>
                <DraftEditor
                  key={`${latest.id}-${latest.body.length}-${latest.bodyEn?.length ?? 0}`}
                  policy={policy}
                  version={latest}
                />
              </Card>
            )}
            <PolicyDiffCard key={policy.versions.length} policy={policy} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack gap="md">
            <AcknowledgeCard policy={policy} />
            <Versions policy={policy} />
            <ContextsCard key={policy.contexts.join()} policy={policy} />
            {can('policies.manage') && <AcknowledgementsCard policy={policy} />}
          </Stack>
        </Grid.Col>
      </Grid>
    </>
  );
}

function PublishedText({ policy }: { policy: PolicyDetail }) {
  const { t } = useTranslation();
  const titleId = useId();
  return (
    <Card withBorder component="section" aria-labelledby={titleId}>
      <Title order={2} size="h4" mb="sm" id={titleId}>
        {policy.publishedVersion
          ? t('policies.publishedText', { number: policy.publishedVersion })
          : t('policies.notPublished')}
      </Title>
      {policy.publishedBody ? (
        <Stack gap="sm">
          <div dir="auto">
            <ExpandableText lines={20}>{policy.publishedBody}</ExpandableText>
          </div>
          {policy.publishedBodyEn && (
            <div dir="ltr" lang="en">
              <ExpandableText lines={12}>{policy.publishedBodyEn}</ExpandableText>
            </div>
          )}
        </Stack>
      ) : (
        <Text size="sm" c="dimmed">
          {t('policies.notPublishedHint')}
        </Text>
      )}
    </Card>
  );
}

const statusColors: Record<PolicyVersion['status'], string> = {
  draft: 'gray',
  review: 'blue',
  approved: 'grape',
  published: 'teal',
  superseded: 'gray',
};

function Versions({ policy }: { policy: PolicyDetail }) {
  const { t } = useTranslation();
  const titleId = useId();
  const row = (label: string, value: React.ReactNode) => (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" component="div">
        {value}
      </Text>
    </div>
  );
  return (
    <Card withBorder component="section" aria-labelledby={titleId}>
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4" id={titleId}>
          {t('policies.versions')}
        </Title>
        <VersionWorkflow policy={policy} />
      </Group>
      <Stack gap="md" component="ol" p={0} m={0} style={{ listStyle: 'none' }}>
        {policy.versions.map((v) => (
          <li key={v.id}>
            <Group gap="xs" mb={4}>
              <Text fw={600} size="sm">
                {t('policies.versionNumber', { number: v.number })}
              </Text>
              <Badge variant="light" color={statusColors[v.status]}>
                {t(`policies.status.${v.status}`)}
              </Badge>
            </Group>
            {v.changeNote && (
              <Text size="sm" mb={4}>
                {v.changeNote}
              </Text>
            )}
            <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="xs">
              {v.decisionNumber && row(t('policies.fields.decisionNumber'), v.decisionNumber)}
              {v.decisionDate &&
                row(t('policies.fields.decisionDate'), <DualDate value={v.decisionDate} size="xs" />)}
              {v.minutesReference && row(t('policies.fields.minutesReference'), v.minutesReference)}
              {v.approvedByName && row(t('policies.fields.approvedBy'), v.approvedByName)}
              {v.publishedAt &&
                row(t('policies.fields.publishedAt'), <DualDate value={v.publishedAt} size="xs" />)}
              {!v.publishedAt &&
                row(t('policies.fields.createdAt'), <DualDate value={v.createdAt} size="xs" />)}
            </SimpleGrid>
            <MinutesFile policy={policy} version={v} />
          </li>
        ))}
      </Stack>
    </Card>
  );
}
