import {
  Alert,
  Button,
  Card,
  Group,
  Modal,
  Stack,
  Switch,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDownload, IconPrinter, IconTrash } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Beneficiary } from '../../../../shared/contracts/beneficiaries';
import { normalizeDigits } from '../../../../shared/digits';
import { ErrorAlert } from '../../../components/error-alert';
import { useCan } from '../../../lib/session';
import { beneficiaryKeys, destroyBeneficiary, fileUrls, setLegalHold } from '../api';

/** PDPL data-subject rights: a copy of the data, a legal hold, and destruction of personal data. */
export function PrivacyCard({ beneficiary: b }: { beneficiary: Beneficiary }) {
  const { t } = useTranslation();
  const can = useCan();
  const [holdOpen, setHoldOpen] = useState(false);
  const [destroyOpen, setDestroyOpen] = useState(false);

  return (
    <Stack gap="md">
      {can('beneficiaries.export') && (
        <Card withBorder padding="lg">
          <Title order={3} size="h5">
            {t('beneficiaries.privacy.exportTitle')}
          </Title>
          <Text size="sm" c="dimmed" mt={4} mb="md">
            {t('beneficiaries.privacy.exportHelp')}
          </Text>
          <Group gap="sm">
            <Button
              component="a"
              href={fileUrls.exportJson(b.id)}
              download={`beneficiary-${b.fileNumber}.json`}
              variant="light"
              leftSection={<IconDownload size={18} aria-hidden />}
            >
              {t('beneficiaries.privacy.exportJson')}
            </Button>
            <Button
              component="a"
              href={fileUrls.exportHtml(b.id)}
              target="_blank"
              rel="noopener"
              variant="light"
              leftSection={<IconPrinter size={18} aria-hidden />}
            >
              {t('beneficiaries.privacy.exportHtml')}
            </Button>
          </Group>
        </Card>
      )}
      {can('beneficiaries.destroy') && (
        <Card withBorder padding="lg">
          <Title order={3} size="h5">
            {t('beneficiaries.privacy.holdTitle')}
          </Title>
          <Text size="sm" c="dimmed" mt={4} mb="md">
            {t('beneficiaries.privacy.holdHelp')}
          </Text>
          <Switch
            checked={b.legalHold}
            onChange={() => setHoldOpen(true)}
            label={b.legalHold ? t('beneficiaries.privacy.onHold') : t('beneficiaries.privacy.noHold')}
          />
          <Title order={3} size="h5" mt="lg">
            {t('beneficiaries.privacy.destroyTitle')}
          </Title>
          <Text size="sm" c="dimmed" mt={4} mb="md">
            {t('beneficiaries.privacy.destroyHelp')}
          </Text>
          <Group>
            <Button
              color="red"
              variant="outline"
              leftSection={<IconTrash size={18} aria-hidden />}
              disabled={b.legalHold}
              onClick={() => setDestroyOpen(true)}
              aria-describedby={b.legalHold ? 'destroy-blocked' : undefined}
            >
              {t('beneficiaries.privacy.destroy')}
            </Button>
          </Group>
          {b.legalHold && (
            <Text id="destroy-blocked" size="xs" c="dimmed" mt="xs">
              {t('beneficiaries.privacy.destroyBlocked')}
            </Text>
          )}
          <HoldModal beneficiary={b} opened={holdOpen} onClose={() => setHoldOpen(false)} />
          <DestroyModal beneficiary={b} opened={destroyOpen} onClose={() => setDestroyOpen(false)} />
        </Card>
      )}
    </Stack>
  );
}

interface ModalProps {
  beneficiary: Beneficiary;
  opened: boolean;
  onClose: () => void;
}

function useSaved(id: string, message: string, onClose: () => void) {
  const queryClient = useQueryClient();
  return (saved: Beneficiary) => {
    queryClient.setQueryData(beneficiaryKeys.detail(id), saved);
    void queryClient.invalidateQueries({ queryKey: beneficiaryKeys.all });
    notifications.show({ color: 'teal', message });
    onClose();
  };
}

function HoldModal({ beneficiary: b, opened, onClose }: ModalProps) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const hold = !b.legalHold;
  const mutation = useMutation({
    mutationFn: () => setLegalHold(b.id, hold, reason),
    onSuccess: useSaved(
      b.id,
      hold ? t('beneficiaries.privacy.holdSet') : t('beneficiaries.privacy.holdLifted'),
      () => {
        setReason('');
        onClose();
      },
    ),
  });
  const valid = normalizeDigits(reason).trim().length >= 3;
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={hold ? t('beneficiaries.privacy.setHold') : t('beneficiaries.privacy.liftHold')}
    >
      <Stack gap="md">
        {mutation.error && <ErrorAlert error={mutation.error} />}
        <Textarea
          label={t('beneficiaries.privacy.reason')}
          description={t('validation.minLength', { count: 3 })}
          required
          autosize
          minRows={2}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button disabled={!valid} loading={mutation.isPending} onClick={() => mutation.mutate()}>
            {t('common.confirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function DestroyModal({ beneficiary: b, opened, onClose }: ModalProps) {
  const { t } = useTranslation();
  const [typed, setTyped] = useState('');
  const [reason, setReason] = useState('');
  const mutation = useMutation({
    mutationFn: () => destroyBeneficiary(b.id, reason),
    onSuccess: useSaved(b.id, t('beneficiaries.privacy.destroyed'), onClose),
  });
  const matches = normalizeDigits(typed).trim() === b.fileNumber;
  const valid = matches && normalizeDigits(reason).trim().length >= 3;
  return (
    <Modal opened={opened} onClose={onClose} title={t('beneficiaries.privacy.destroyTitle')}>
      <Stack gap="md">
        <Alert color="red">{t('beneficiaries.privacy.destroyWarning', { name: b.fullNameAr })}</Alert>
        {mutation.error && <ErrorAlert error={mutation.error} />}
        <TextInput
          label={t('beneficiaries.privacy.typeFileNumber', { file: b.fileNumber })}
          required
          dir="ltr"
          autoComplete="off"
          value={typed}
          onChange={(e) => setTyped(e.currentTarget.value)}
          error={typed && !matches ? t('beneficiaries.privacy.fileNumberMismatch') : undefined}
        />
        <Textarea
          label={t('beneficiaries.privacy.reason')}
          required
          autosize
          minRows={2}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            color="red"
            disabled={!valid}
            loading={mutation.isPending}
            onClick={() => mutation.mutate()}
          >
            {t('beneficiaries.privacy.destroyConfirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
