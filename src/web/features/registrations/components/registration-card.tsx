import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  List,
  Modal,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { type ReactNode, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RegistrationItem } from '../../../../shared/contracts/portal-registration';
import { normalizeDigits } from '../../../../shared/digits';
import { ErrorAlert } from '../../../components/error-alert';
import { DualDate } from '../../../lib/dates';
import { Num } from '../../../lib/numbers';
import { acceptRegistration, registrationKeys, returnRegistration } from '../api';

const stateColors: Record<RegistrationItem['state'], string> = {
  in_progress: 'gray',
  submitted: 'blue',
  returned: 'orange',
  accepted: 'teal',
};

/** One pre-registration: who, from where, what may be a duplicate, and the decision. */
export function RegistrationCard({ item }: { item: RegistrationItem }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const titleId = useId();
  const [returnOpen, setReturnOpen] = useState(false);
  const [reason, setReason] = useState('');
  const done = (message: string) => {
    void queryClient.invalidateQueries({ queryKey: registrationKeys.all });
    void queryClient.invalidateQueries({ queryKey: ['beneficiaries'] });
    notifications.show({ color: 'teal', message });
  };

  const accept = useMutation({
    mutationFn: () => acceptRegistration(item.id),
    onSuccess: () => done(t('registrations.accepted', { name: item.fullNameAr })),
  });
  const sendBack = useMutation({
    mutationFn: () => returnRegistration(item.id, reason.trim()),
    onSuccess: () => {
      setReturnOpen(false);
      setReason('');
      done(t('registrations.returned', { name: item.fullNameAr }));
    },
  });

  const confirmAccept = () =>
    modals.openConfirmModal({
      title: t('registrations.acceptTitle'),
      children: (
        <Text size="sm">
          {t('registrations.acceptConfirm', { name: item.fullNameAr, file: item.fileNumber })}
        </Text>
      ),
      labels: { confirm: t('registrations.accept'), cancel: t('common.cancel') },
      confirmProps: { color: 'teal' },
      onConfirm: () => accept.mutate(),
    });

  const reasonLength = normalizeDigits(reason).trim().length;

  return (
    <Card withBorder padding="md" component="li" aria-labelledby={titleId}>
      <Group justify="space-between" align="flex-start" gap="xs">
        <Stack gap={2} style={{ minWidth: 0 }}>
          <Title order={2} size="h4" id={titleId}>
            {item.fullNameAr}
          </Title>
          <Anchor component={Link} to={`/beneficiaries/${item.beneficiaryId}`} size="sm">
            {t('registrations.openProfile', { file: item.fileNumber })}
          </Anchor>
        </Stack>
        <Badge color={stateColors[item.state]}>{t(`registrations.states.${item.state}`)}</Badge>
      </Group>

      <SimpleGrid cols={{ base: 1, xs: 2, md: 5 }} spacing="sm" mt="sm">
        <Field label={t('registrations.fields.nationalId')}>
          <bdi className="ltr-value">{item.nationalId}</bdi>
        </Field>
        <Field label={t('registrations.fields.phone')}>
          <bdi className="ltr-value">{item.phone}</bdi>
        </Field>
        <Field label={t('registrations.fields.city')}>{item.city}</Field>
        <Field label={t('registrations.fields.submittedAt')}>
          <DualDate value={item.submittedAt} withTime size="xs" />
        </Field>
        <Field label={t('registrations.fields.documents')}>
          <Num value={item.documents} />
        </Field>
      </SimpleGrid>

      {item.duplicateMatches.length > 0 && (
        <Alert
          mt="sm"
          color="orange"
          variant="light"
          icon={<IconAlertTriangle aria-hidden />}
          title={t('registrations.duplicatesTitle')}
        >
          <List size="sm" spacing={4}>
            {item.duplicateMatches.map((match) => (
              <List.Item key={match.id}>
                <Anchor component={Link} to={`/beneficiaries/${match.id}`} size="sm">
                  {match.fullNameAr} (<bdi>{match.fileNumber}</bdi>)
                </Anchor>
                {' — '}
                {match.reasons
                  .map((r) => t(`beneficiaries.duplicateReasons.${r}`, { defaultValue: r }))
                  .join(t('common.listSeparator'))}
              </List.Item>
            ))}
          </List>
        </Alert>
      )}

      {item.returnReason && (
        <Text size="sm" mt="sm">
          <Text span fw={600}>
            {t('registrations.fields.returnReason')}:
          </Text>{' '}
          {item.returnReason}
        </Text>
      )}
      {item.state === 'accepted' && item.decidedAt && (
        <Group gap={4} mt="sm">
          <Text size="sm">{t('registrations.fields.decidedAt')}:</Text>
          <DualDate value={item.decidedAt} withTime size="xs" />
        </Group>
      )}

      {accept.error && <ErrorAlert error={accept.error} />}
      {item.state === 'submitted' && (
        <Group justify="flex-end" gap="sm" mt="md">
          <Button variant="default" onClick={() => setReturnOpen(true)}>
            {t('registrations.return')}
          </Button>
          <Button color="teal" loading={accept.isPending} onClick={confirmAccept}>
            {t('registrations.accept')}
          </Button>
        </Group>
      )}

      <Modal
        opened={returnOpen}
        onClose={() => setReturnOpen(false)}
        title={t('registrations.returnTitle', { name: item.fullNameAr })}
      >
        <Stack gap="md">
          {sendBack.error && <ErrorAlert error={sendBack.error} />}
          <Textarea
            label={t('registrations.returnReason')}
            description={t('registrations.returnHint')}
            required
            autosize
            minRows={3}
            maxLength={500}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
          />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={() => setReturnOpen(false)}>
              {t('common.cancel')}
            </Button>
            <Button
              color="orange"
              disabled={reasonLength < 3 || reasonLength > 500}
              loading={sendBack.isPending}
              onClick={() => sendBack.mutate()}
            >
              {t('registrations.return')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Card>
  );
}

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" component="div">
        {children}
      </Text>
    </Stack>
  );
}
