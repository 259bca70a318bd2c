import { Anchor, Badge, Button, Card, Group, Modal, Stack, Text, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconShieldCheck } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { textSchema } from '../../../../shared/contracts/common';
import { ErrorAlert } from '../../../components/error-alert';
import { ListSkeleton } from '../../../components/page-loader';
import { applyApiFieldErrors, formResolver } from '../../../lib/forms';
import { useCan } from '../../../lib/session';
import { dismissSignal, type FraudSignal, fraudSignalsQuery, verificationKeys } from '../api';

const dismissSchema = z.object({ reason: textSchema(3, 500) });

/** Warnings worth a second look (same phone, member of another file, …), each dismissible with a reason. */
export function FraudSignalsCard({ requestId }: { requestId: string }) {
  const { t } = useTranslation();
  const can = useCan();
  const query = useQuery(fraudSignalsQuery(requestId));
  const [dismissing, setDismissing] = useState<FraudSignal | null>(null);
  const open = query.data?.filter((s) => !s.dismissed) ?? [];

  return (
    <Card withBorder padding="md" radius="md" component="section" aria-labelledby="signals-title">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4" id="signals-title">
          {t('verification.signals.title')}
        </Title>
        {query.data && query.data.length > 0 && (
          <Badge color={open.length ? 'orange' : 'teal'} variant="light">
            {t('verification.signals.openCount', { count: open.length })}
          </Badge>
        )}
      </Group>
      {query.isPending ? (
        <ListSkeleton rows={2} />
      ) : query.isError ? (
        <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />
      ) : query.data.length === 0 ? (
        <Group gap="xs">
          <IconShieldCheck size={18} color="var(--mantine-color-teal-6)" aria-hidden />
          <Text size="sm">{t('verification.signals.none')}</Text>
        </Group>
      ) : (
        <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
          {query.data.map((signal) => (
            <Card
              key={signal.key}
              withBorder
              padding="sm"
              component="li"
              bg={signal.dismissed ? 'gray.0' : undefined}
            >
              <Group justify="space-between" wrap="nowrap" align="flex-start">
                <Stack gap={2} style={{ minWidth: 0 }}>
                  <Text fw={600} size="sm">
                    {t(`verification.signals.kinds.${signal.kind}`, { defaultValue: signal.kind })}
                  </Text>
                  {signal.otherFileNumber && signal.otherBeneficiaryId && (
                    <Text size="sm">
                      {t('verification.signals.otherFile')}{' '}
                      <Anchor component={Link} to={`/beneficiaries/${signal.otherBeneficiaryId}`} size="sm">
                        <bdi>{signal.otherFileNumber}</bdi>
                      </Anchor>
                    </Text>
                  )}
                  {signal.detail && (
                    <Text size="xs" c="dimmed">
                      {signal.detail}
                    </Text>
                  )}
                  {signal.dismissed && (
                    <Text size="xs" c="dimmed">
                      {t('verification.signals.dismissedBecause', { reason: signal.dismissReason ?? '' })}
                    </Text>
                  )}
                </Stack>
                {!signal.dismissed && can('verification.work') && (
                  <Button size="xs" variant="default" onClick={() => setDismissing(signal)}>
                    {t('verification.signals.dismiss')}
                  </Button>
                )}
              </Group>
            </Card>
          ))}
        </Stack>
      )}
      <DismissModal requestId={requestId} signal={dismissing} onClose={() => setDismissing(null)} />
    </Card>
  );
}

function DismissModal({
  requestId,
  signal,
  onClose,
}: {
  requestId: string;
  signal: FraudSignal | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useForm<{ reason: string }>({
    resolver: formResolver<{ reason: string }>(dismissSchema),
    defaultValues: { reason: '' },
  });
  const mutation = useMutation({
    mutationFn: (reason: string) => dismissSignal(requestId, { key: signal?.key ?? '', reason }),
    onSuccess: (items) => {
      queryClient.setQueryData(verificationKeys.signals(requestId), items);
      notifications.show({ color: 'teal', message: t('verification.signals.dismissed') });
      form.reset();
      onClose();
    },
    onError: (error) => applyApiFieldErrors(error, form.setError, ['reason']),
  });
  return (
    <Modal opened={signal !== null} onClose={onClose} title={t('verification.signals.dismissTitle')}>
      <form onSubmit={form.handleSubmit((v) => mutation.mutate(v.reason))} noValidate>
        <Stack gap="sm">
          {signal && (
            <Text size="sm">
              {t(`verification.signals.kinds.${signal.kind}`, { defaultValue: signal.kind })}
            </Text>
          )}
          {mutation.error && <ErrorAlert error={mutation.error} />}
          <Textarea
            label={t('verification.signals.reason')}
            required
            autosize
            minRows={2}
            data-autofocus
            {...form.register('reason')}
            error={form.formState.errors.reason?.message}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={mutation.isPending}>
              {t('verification.signals.confirmDismiss')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
