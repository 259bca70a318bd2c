import { Badge, Button, Card, Group, List, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Campaign } from '../../../../shared/contracts/campaigns';
import { ErrorAlert } from '../../../components/error-alert';
import { DualDate } from '../../../lib/dates';
import { Num } from '../../../lib/numbers';
import { useCan } from '../../../lib/session';
import { approveCampaign, campaignKeys, campaignPreviewQuery, cancelCampaign } from '../api';

const statusColors: Record<Campaign['status'], string> = { draft: 'blue', sent: 'teal', cancelled: 'gray' };

/** One campaign: its words, its state, the preview of who it reaches, and the manager's approval. */
export function CampaignCard({ campaign: c }: { campaign: Campaign }) {
  const { t } = useTranslation();
  const can = useCan();
  const titleId = useId();
  const queryClient = useQueryClient();
  const [showPreview, setShowPreview] = useState(false);
  const preview = useQuery({ ...campaignPreviewQuery(c.id), enabled: showPreview && c.status === 'draft' });
  const done = (message: string) => {
    void queryClient.invalidateQueries({ queryKey: campaignKeys.all });
    notifications.show({ color: 'teal', message });
  };
  const approve = useMutation({
    mutationFn: () => approveCampaign(c.id),
    onSuccess: (r) => done(t('campaigns.sent', { count: r.sentCount })),
  });
  const cancel = useMutation({
    mutationFn: () => cancelCampaign(c.id),
    onSuccess: () => done(t('campaigns.cancelled')),
  });
  const confirmApprove = () =>
    modals.openConfirmModal({
      title: t('campaigns.approveTitle'),
      children: (
        <Text size="sm">{t('campaigns.approveConfirm', { count: preview.data?.willReceive ?? 0 })}</Text>
      ),
      labels: { confirm: t('campaigns.approve'), cancel: t('common.cancel') },
      confirmProps: { color: 'teal' },
      onConfirm: () => approve.mutate(),
    });
  return (
    <Card withBorder padding="md" component="li" aria-labelledby={titleId}>
      <Group justify="space-between" align="flex-start" gap="xs">
        <Stack gap={2}>
          <Title order={2} size="h4" id={titleId}>
            {c.title}
          </Title>
          <Text size="sm" c="dimmed">
            {t('campaigns.forService', { service: c.serviceName })}
          </Text>
        </Stack>
        <Badge color={statusColors[c.status]}>{t(`campaigns.statuses.${c.status}`)}</Badge>
      </Group>
      <Text size="sm" mt="sm" className="pre-wrap">
        {c.messageAr}
      </Text>
      <Group gap="md" mt="xs">
        <Text size="xs" c="dimmed">
          {t('campaigns.by', { name: c.createdByName ?? '—' })}
        </Text>
        <DualDate value={c.createdAt} size="xs" />
        {c.status === 'sent' && (
          <Text size="xs">
            {t('campaigns.result', {
              sent: c.sentCount,
              skipped: c.skippedCount,
              name: c.approvedByName ?? '—',
            })}
          </Text>
        )}
      </Group>
      {c.status === 'draft' && (
        <Stack gap="sm" mt="sm">
          {!showPreview ? (
            <Group>
              <Button variant="light" onClick={() => setShowPreview(true)}>
                {t('campaigns.preview')}
              </Button>
              {can('campaigns.manage') && (
                <Button
                  variant="subtle"
                  color="gray"
                  loading={cancel.isPending}
                  onClick={() => cancel.mutate()}
                >
                  {t('campaigns.cancel')}
                </Button>
              )}
            </Group>
          ) : preview.isPending ? (
            <Text size="sm">{t('common.loading')}</Text>
          ) : preview.isError ? (
            <ErrorAlert error={preview.error} onRetry={() => void preview.refetch()} />
          ) : (
            <>
              <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
                {(['eligible', 'withoutConsent', 'recentlyContacted', 'willReceive'] as const).map((k) => (
                  <Stack gap={0} key={k}>
                    <Text size="xs" c="dimmed">
                      {t(`campaigns.counts.${k}`)}
                    </Text>
                    <Text fw={700} size="lg">
                      <Num value={preview.data[k]} />
                    </Text>
                  </Stack>
                ))}
              </SimpleGrid>
              {preview.data.sample.length > 0 && (
                <List size="sm">
                  {preview.data.sample.map((s) => (
                    <List.Item key={s.beneficiaryId}>
                      {s.fullNameAr} (<bdi>{s.fileNumber}</bdi>)
                    </List.Item>
                  ))}
                </List>
              )}
              {can('campaigns.approve') ? (
                <Group>
                  <Button
                    onClick={confirmApprove}
                    loading={approve.isPending}
                    disabled={preview.data.willReceive === 0}
                  >
                    {t('campaigns.approve')}
                  </Button>
                </Group>
              ) : (
                <Text size="sm" c="dimmed">
                  {t('campaigns.waitsForManager')}
                </Text>
              )}
            </>
          )}
          {(approve.error || cancel.error) && <ErrorAlert error={approve.error ?? cancel.error} />}
        </Stack>
      )}
    </Card>
  );
}
