import { Anchor, Badge, Button, Card, Group, Modal, Radio, Stack, Text, Textarea } from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BeneficiarySummary } from '../../../../shared/contracts/beneficiaries';
import { normalizeDigits } from '../../../../shared/digits';
import { ErrorAlert } from '../../../components/error-alert';
import { DualDate } from '../../../lib/dates';
import { beneficiaryKeys, type DuplicatePair, dismissDuplicate, mergeDuplicate } from '../api';
import { BeneficiaryStatusBadge } from './beneficiary-badges';

function Side({ b, label }: { b: BeneficiarySummary; label: string }) {
  const { t } = useTranslation();
  return (
    <Card withBorder padding="sm" bg="gray.0" aria-label={label}>
      <Group justify="space-between" gap="xs">
        <Anchor component={Link} to={`/beneficiaries/${b.id}`} fw={600} target="_blank">
          {b.fullNameAr}
        </Anchor>
        <BeneficiaryStatusBadge status={b.status} />
      </Group>
      <Stack gap={2} mt={4}>
        <Text size="sm">
          {t('beneficiaries.fields.fileNumber')}: <bdi>{b.fileNumber}</bdi>
        </Text>
        <Text size="sm">
          {t('beneficiaries.fields.nationalId')}: <bdi className="ltr-value">{b.nationalId}</bdi>
        </Text>
        <Text size="sm">
          {t('beneficiaries.fields.phone')}: <bdi className="ltr-value">{b.phone}</bdi>
        </Text>
        <Text size="sm">
          {t('beneficiaries.fields.city')}: {b.city}
        </Text>
        <Group gap={4}>
          <Text size="sm">{t('beneficiaries.fields.birthDate')}:</Text>
          <DualDate value={`${b.birthDate}T12:00:00Z`} size="xs" />
        </Group>
      </Stack>
    </Card>
  );
}

/** One suspected pair, side by side, with the reasons; dismiss with a reason, or merge into one. */
export function DuplicatePairCard({ pair }: { pair: DuplicatePair }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [dismissOpen, setDismissOpen] = useState(false);
  const [mergeOpen, setMergeOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [keepId, setKeepId] = useState<string>(pair.a.id);
  const done = (message: string) => {
    void queryClient.invalidateQueries({ queryKey: beneficiaryKeys.all });
    notifications.show({ color: 'teal', message });
  };

  const dismiss = useMutation({
    mutationFn: () => dismissDuplicate(pair.id, reason),
    onSuccess: () => {
      setDismissOpen(false);
      done(t('beneficiaries.duplicates.dismissed'));
    },
  });
  const merge = useMutation({
    mutationFn: () => mergeDuplicate(pair.id, keepId),
    onSuccess: (kept) => {
      setMergeOpen(false);
      done(t('beneficiaries.duplicates.merged', { name: kept.fullNameAr, file: kept.fileNumber }));
    },
  });

  const kept = keepId === pair.a.id ? pair.a : pair.b;
  const dropped = keepId === pair.a.id ? pair.b : pair.a;
  // One dialog at a time: the choice closes, the confirmation opens, and cancelling goes back.
  const confirmMerge = () => {
    setMergeOpen(false);
    modals.openConfirmModal({
      title: t('beneficiaries.duplicates.mergeConfirmTitle'),
      children: (
        <Text size="sm">
          {t('beneficiaries.duplicates.mergeConfirm', {
            keep: `${kept.fullNameAr} (${kept.fileNumber})`,
            drop: `${dropped.fullNameAr} (${dropped.fileNumber})`,
          })}
        </Text>
      ),
      labels: { confirm: t('beneficiaries.duplicates.merge'), cancel: t('common.cancel') },
      confirmProps: { color: 'red' },
      onCancel: () => setMergeOpen(true),
      onConfirm: () => merge.mutate(),
    });
  };

  return (
    <Card withBorder padding="md" component="li">
      <Group gap={4} mb="sm">
        {pair.reasons.map((r) => (
          <Badge key={r} color="orange" variant="light">
            {t(`beneficiaries.duplicateReasons.${r}`, { defaultValue: r })}
          </Badge>
        ))}
        <Text size="xs" c="dimmed" ms="auto" component="div">
          <DualDate value={pair.createdAt} size="xs" />
        </Text>
      </Group>
      {merge.error && !mergeOpen && <ErrorAlert error={merge.error} />}
      <div className="wasl-pair">
        <Side b={pair.a} label={t('beneficiaries.duplicates.recordA')} />
        <Side b={pair.b} label={t('beneficiaries.duplicates.recordB')} />
      </div>
      <Group justify="flex-end" gap="sm" mt="md">
        <Button variant="default" onClick={() => setDismissOpen(true)}>
          {t('beneficiaries.duplicates.dismiss')}
        </Button>
        <Button color="orange" onClick={() => setMergeOpen(true)}>
          {t('beneficiaries.duplicates.merge')}
        </Button>
      </Group>

      <Modal
        opened={dismissOpen}
        onClose={() => setDismissOpen(false)}
        title={t('beneficiaries.duplicates.dismissTitle')}
      >
        <Stack gap="md">
          {dismiss.error && <ErrorAlert error={dismiss.error} />}
          <Textarea
            label={t('beneficiaries.duplicates.dismissReason')}
            description={t('validation.minLength', { count: 3 })}
            required
            autosize
            minRows={2}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
          />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={() => setDismissOpen(false)}>
              {t('common.cancel')}
            </Button>
            <Button
              disabled={normalizeDigits(reason).trim().length < 3}
              loading={dismiss.isPending}
              onClick={() => dismiss.mutate()}
            >
              {t('beneficiaries.duplicates.dismiss')}
            </Button>
          </Group>
        </Stack>
      </Modal>

      <Modal
        opened={mergeOpen}
        onClose={() => setMergeOpen(false)}
        title={t('beneficiaries.duplicates.mergeTitle')}
      >
        <Stack gap="md">
          {merge.error && <ErrorAlert error={merge.error} />}
          <Radio.Group
            label={t('beneficiaries.duplicates.keepWhich')}
            value={keepId}
            onChange={setKeepId}
            required
          >
            <Stack gap="xs" mt="xs">
              {[pair.a, pair.b].map((b) => (
                <Radio key={b.id} value={b.id} label={`${b.fullNameAr} — ${b.fileNumber}`} />
              ))}
            </Stack>
          </Radio.Group>
          <Text size="sm" c="dimmed">
            {t('beneficiaries.duplicates.mergeHelp')}
          </Text>
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={() => setMergeOpen(false)}>
              {t('common.cancel')}
            </Button>
            <Button color="orange" loading={merge.isPending} onClick={confirmMerge}>
              {t('beneficiaries.duplicates.merge')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Card>
  );
}
