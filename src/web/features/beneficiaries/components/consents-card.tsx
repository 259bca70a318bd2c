import { Badge, Button, Card, Group, Select, Stack, Text } from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { consentPurposes } from '../../../../shared/contracts/beneficiaries';
import { ErrorAlert } from '../../../components/error-alert';
import { ListSkeleton } from '../../../components/page-loader';
import { errorMessage } from '../../../lib/api';
import { DualDate } from '../../../lib/dates';
import { useCan } from '../../../lib/session';
import { beneficiaryKeys, type ConsentPurpose, consentsQuery, recordConsent } from '../api';
import { useOrgLists } from '../settings';

/** PDPL consent per purpose: the latest decision for each, granted or withdrawn by the person. */
export function ConsentsCard({ beneficiaryId }: { beneficiaryId: string }) {
  const { t } = useTranslation();
  const can = useCan();
  const queryClient = useQueryClient();
  const { channelOptions, channelLabel } = useOrgLists();
  const query = useQuery(consentsQuery(beneficiaryId));
  const [channel, setChannel] = useState<string | null>(
    channelOptions.find((c) => c.value === 'in_person')?.value ?? channelOptions[0]?.value ?? null,
  );
  const editable = can('beneficiaries.update');

  const mutation = useMutation({
    mutationFn: (v: { purpose: ConsentPurpose; granted: boolean }) =>
      recordConsent(beneficiaryId, { ...v, channel: channel ?? '' }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: beneficiaryKeys.detail(beneficiaryId) });
      notifications.show({ color: 'teal', message: t('beneficiaries.consents.saved') });
    },
    onError: (error) => notifications.show({ color: 'red', message: errorMessage(error) }),
  });

  const decide = (purpose: ConsentPurpose, granted: boolean) => {
    if (granted) return mutation.mutate({ purpose, granted });
    modals.openConfirmModal({
      title: t('beneficiaries.consents.withdrawTitle'),
      children: (
        <Text size="sm">
          {t('beneficiaries.consents.withdrawConfirm', {
            purpose: t(`beneficiaries.consents.purposes.${purpose}`),
          })}
        </Text>
      ),
      labels: { confirm: t('beneficiaries.consents.withdraw'), cancel: t('common.cancel') },
      confirmProps: { color: 'red' },
      onConfirm: () => mutation.mutate({ purpose, granted }),
    });
  };

  if (query.isPending) return <ListSkeleton rows={3} />;
  if (query.isError) return <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />;

  return (
    <Stack gap="sm">
      {editable && (
        <Select
          label={t('beneficiaries.consents.channel')}
          data={channelOptions}
          value={channel}
          onChange={setChannel}
          maw={320}
        />
      )}
      {consentPurposes.map((purpose) => {
        const current = query.data.find((c) => c.purpose === purpose);
        return (
          <Card key={purpose} withBorder padding="sm">
            <Group justify="space-between" align="flex-start" gap="xs">
              <Stack gap={2} style={{ flex: '1 1 14rem' }}>
                <Text fw={600}>{t(`beneficiaries.consents.purposes.${purpose}`)}</Text>
                <Text size="xs" c="dimmed">
                  {t(`beneficiaries.consents.help.${purpose}`)}
                </Text>
                {current && (
                  <Group gap="xs">
                    <DualDate value={current.recordedAt} withTime size="xs" />
                    <Text size="xs" c="dimmed">
                      {[current.recordedBy, channelLabel(current.channel)].filter(Boolean).join(' · ')}
                    </Text>
                  </Group>
                )}
              </Stack>
              <Stack gap={6} align="flex-end">
                <Badge color={!current ? 'gray' : current.granted ? 'teal' : 'red'} variant="light">
                  {t(
                    !current
                      ? 'beneficiaries.consents.none'
                      : current.granted
                        ? 'beneficiaries.consents.granted'
                        : 'beneficiaries.consents.withdrawn',
                  )}
                </Badge>
                {current?.textChanged && (
                  <Badge color="orange" variant="light">
                    {t('beneficiaries.consents.textChanged')}
                  </Badge>
                )}
                {editable && (
                  <Group gap={4}>
                    {(current?.granted !== true || current.textChanged) && (
                      <Button
                        size="compact-sm"
                        disabled={!channel}
                        loading={mutation.isPending}
                        onClick={() => decide(purpose, true)}
                      >
                        {t('beneficiaries.consents.grant')}
                      </Button>
                    )}
                    {current?.granted !== false && (
                      <Button
                        size="compact-sm"
                        variant="outline"
                        color="red"
                        disabled={!channel}
                        onClick={() => decide(purpose, false)}
                      >
                        {t('beneficiaries.consents.withdraw')}
                      </Button>
                    )}
                  </Group>
                )}
              </Stack>
            </Group>
          </Card>
        );
      })}
    </Stack>
  );
}
