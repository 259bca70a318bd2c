import { Alert, Badge, Button, Card, List, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { PolicyDetail } from '../../../../shared/contracts/policies';
import { ErrorAlert } from '../../../components/error-alert';
import { ListSkeleton } from '../../../components/page-loader';
import { DualDate } from '../../../lib/dates';
import { useRoleTitle } from '../../../lib/roles';
import { acknowledgePolicy, policyAcknowledgementsQuery, policyKeys } from '../api';

/** «اطلعت على السياسة وأقر بها»: the caller's acknowledgement of the published version. */
export function AcknowledgeCard({ policy }: { policy: PolicyDetail }) {
  const { t } = useTranslation();
  const titleId = useId();
  const queryClient = useQueryClient();
  const mutation = useMutation({
    mutationFn: () => acknowledgePolicy(policy.id),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: policyKeys.all });
      notifications.show({ color: 'teal', message: t('policies.acknowledged') });
    },
  });
  if (policy.publishedVersion === null) return null;
  return (
    <Card withBorder component="section" aria-labelledby={titleId}>
      <Title order={2} size="h4" mb="sm" id={titleId}>
        {t('policies.acknowledgement')}
      </Title>
      {policy.acknowledged ? (
        <Stack gap={4}>
          <Text size="sm">✓ {t('policies.youAcknowledged', { number: policy.publishedVersion })}</Text>
          <DualDate value={policy.acknowledgedAt} withTime size="xs" />
        </Stack>
      ) : (
        <Stack gap="sm">
          <Text size="sm">{t('policies.acknowledgeExplain', { number: policy.publishedVersion })}</Text>
          {mutation.error && <ErrorAlert error={mutation.error} />}
          <div>
            <Button loading={mutation.isPending} onClick={() => mutation.mutate()}>
              {t('policies.acknowledge')}
            </Button>
          </div>
        </Stack>
      )}
    </Card>
  );
}

/** For managers: who of the active staff has acknowledged the published version, and who has not. */
export function AcknowledgementsCard({ policy }: { policy: PolicyDetail }) {
  const { t } = useTranslation();
  const roleTitle = useRoleTitle();
  const titleId = useId();
  const query = useQuery(policyAcknowledgementsQuery(policy.id));
  if (policy.publishedVersion === null) return null;
  const roles = (r: string[]) => r.map(roleTitle).join('، ');
  return (
    <Card withBorder component="section" aria-labelledby={titleId}>
      <Title order={2} size="h4" mb="sm" id={titleId}>
        {t('policies.staffAcknowledgements')}
      </Title>
      {query.isPending ? (
        <ListSkeleton />
      ) : query.isError ? (
        <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <Stack gap="sm">
          <Text size="sm">
            {t('policies.ackCounts', {
              done: query.data.acknowledged.length,
              pending: query.data.pending.length,
            })}
          </Text>
          {query.data.pending.length === 0 ? (
            <Alert color="teal" variant="light">
              {t('policies.allAcknowledged')}
            </Alert>
          ) : (
            <>
              <Text size="sm" fw={600}>
                {t('policies.notYet')}
              </Text>
              <List size="sm" spacing={4}>
                {query.data.pending.map((p) => (
                  <List.Item key={p.userId}>
                    {p.fullName} — {roles(p.roles)}
                  </List.Item>
                ))}
              </List>
            </>
          )}
          {query.data.acknowledged.length > 0 && (
            <>
              <Text size="sm" fw={600}>
                {t('policies.done')}
              </Text>
              <List size="sm" spacing={4}>
                {query.data.acknowledged.map((p) => (
                  <List.Item key={p.userId}>
                    {p.fullName} — {roles(p.roles)}{' '}
                    <Badge size="xs" variant="light" color="teal">
                      ✓ {t('policies.acknowledgedShort')}
                    </Badge>
                  </List.Item>
                ))}
              </List>
            </>
          )}
        </Stack>
      )}
    </Card>
  );
}
