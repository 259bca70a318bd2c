import { Button, Group, Modal, Select, Stack, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Beneficiary, beneficiaryStatuses } from '../../../../shared/contracts/beneficiaries';
import { normalizeDigits } from '../../../../shared/digits';
import { ErrorAlert } from '../../../components/error-alert';
import { beneficiaryKeys, changeStatus, type InteractionInput, recordInteraction } from '../api';
import { useOrgLists } from '../settings';

const interactionKinds = ['inquiry', 'follow_up', 'visit', 'call', 'intake', 'other'] as const;

interface ModalProps {
  beneficiary: Beneficiary;
  opened: boolean;
  onClose: () => void;
}

/** Active, inactive, deceased or blocked, always with a reason. */
export function StatusModal({ beneficiary, opened, onClose }: ModalProps) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const mutation = useMutation({
    mutationFn: () => changeStatus(beneficiary.id, { status: status as Beneficiary['status'], reason }),
    onSuccess: (saved) => {
      queryClient.setQueryData(beneficiaryKeys.detail(beneficiary.id), saved);
      void queryClient.invalidateQueries({ queryKey: beneficiaryKeys.all });
      notifications.show({ color: 'teal', message: t('beneficiaries.statusChange.done') });
      setReason('');
      setStatus(null);
      onClose();
    },
  });
  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    if (!status || normalizeDigits(reason).trim().length < 3) {
      setError(t('validation.minLength', { count: 3 }));
      return;
    }
    setError(null);
    mutation.mutate();
  };
  return (
    <Modal opened={opened} onClose={onClose} title={t('beneficiaries.statusChange.title')}>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          {mutation.error && <ErrorAlert error={mutation.error} />}
          <Select
            label={t('beneficiaries.statusChange.newStatus')}
            required
            allowDeselect={false}
            data={beneficiaryStatuses
              .filter((s) => s !== beneficiary.status)
              .map((s) => ({ value: s, label: t(`beneficiaries.status.${s}`) }))}
            value={status}
            onChange={setStatus}
            error={!status && error ? t('validation.required') : undefined}
          />
          <Textarea
            label={t('beneficiaries.statusChange.reason')}
            required
            autosize
            minRows={2}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            error={status ? (error ?? undefined) : undefined}
          />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button
              type="submit"
              color={status === 'blocked' || status === 'deceased' ? 'red' : undefined}
              loading={mutation.isPending}
            >
              {t('beneficiaries.statusChange.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** Records one contact (a call, a visit, an inquiry…) on the channel it came through (policy step 1). */
export function InteractionModal({ beneficiary, opened, onClose }: ModalProps) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const { channelOptions } = useOrgLists();
  const [channel, setChannel] = useState<string | null>(channelOptions[0]?.value ?? null);
  const [kind, setKind] = useState<InteractionInput['kind']>('inquiry');
  const [summary, setSummary] = useState('');
  const [error, setError] = useState(false);
  const mutation = useMutation({
    mutationFn: () => recordInteraction(beneficiary.id, { channel: channel ?? '', kind, summary }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: beneficiaryKeys.part(beneficiary.id, 'timeline') });
      notifications.show({ color: 'teal', message: t('beneficiaries.interaction.done') });
      setSummary('');
      onClose();
    },
  });
  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const bad = !channel || !summary.trim();
    setError(bad);
    if (!bad) mutation.mutate();
  };
  return (
    <Modal opened={opened} onClose={onClose} title={t('beneficiaries.interaction.title')}>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          {mutation.error && <ErrorAlert error={mutation.error} />}
          <Select
            label={t('beneficiaries.fields.channel')}
            required
            allowDeselect={false}
            data={channelOptions}
            value={channel}
            onChange={setChannel}
            error={error && !channel ? t('validation.required') : undefined}
          />
          <Select
            label={t('beneficiaries.interaction.kind')}
            required
            allowDeselect={false}
            data={interactionKinds.map((k) => ({
              value: k,
              label: t(`beneficiaries.interaction.kinds.${k}`),
            }))}
            value={kind}
            onChange={(v) => setKind((v as InteractionInput['kind']) ?? 'inquiry')}
          />
          <Textarea
            label={t('beneficiaries.interaction.summary')}
            required
            autosize
            minRows={3}
            value={summary}
            onChange={(e) => setSummary(e.currentTarget.value)}
            error={error && !summary.trim() ? t('validation.required') : undefined}
          />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={mutation.isPending}>
              {t('beneficiaries.interaction.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
