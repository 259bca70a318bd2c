import {
  ActionIcon,
  Button,
  Group,
  Modal,
  NumberInput,
  Select,
  Stack,
  TextInput,
  Tooltip,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconMessagePlus } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type BeneficiarySummary, interactionOutcomes } from '../../../../shared/contracts/beneficiaries';
import { ErrorAlert } from '../../../components/error-alert';
import { ApiError } from '../../../lib/api';
import { useOrgLists } from '../../../lib/org-lists';
import { useCan } from '../../../lib/session';
import { logContact, type NewContact } from '../api';
import { notify } from '../notify';
import { PersonSelect } from './person-select';

/** The kind of contact a channel implies (a call, a visit at the counter, or another contact). */
const kindOf = (channel: string): NewContact['kind'] =>
  channel === 'phone' ? 'call' : channel === 'in_person' ? 'visit' : 'other';

/**
 * «تسجيل تواصل» in the staff header: who, on which channel, about what, how it ended and how long it
 * took — typed in a few seconds, keyboard only (Tab between fields, Enter to save).
 */
export function LogContactButton() {
  const { t } = useTranslation();
  const can = useCan();
  const [opened, { open, close }] = useDisclosure(false);
  if (!can('beneficiaries.record_interaction')) return null;
  return (
    <>
      <Button
        visibleFrom="sm"
        variant="light"
        size="xs"
        leftSection={<IconMessagePlus size={16} aria-hidden />}
        onClick={open}
      >
        {t('inquiries.contact.open')}
      </Button>
      <Tooltip label={t('inquiries.contact.open')} hiddenFrom="sm">
        <ActionIcon
          hiddenFrom="sm"
          variant="light"
          size="lg"
          aria-label={t('inquiries.contact.open')}
          onClick={open}
        >
          <IconMessagePlus size={18} aria-hidden />
        </ActionIcon>
      </Tooltip>
      <Modal
        opened={opened}
        onClose={close}
        title={t('inquiries.contact.title')}
        size="md"
        closeButtonProps={{ 'aria-label': t('inquiries.closeDialog') }}
      >
        {opened && <ContactForm onDone={close} />}
      </Modal>
    </>
  );
}

function ContactForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const { channelOptions } = useOrgLists();
  const [person, setPerson] = useState<BeneficiarySummary | null>(null);
  const [channel, setChannel] = useState<string | null>(
    channelOptions.find((c) => c.value === 'phone')?.value ?? null,
  );
  const [subject, setSubject] = useState('');
  const [outcome, setOutcome] = useState<string | null>('information_given');
  const [minutes, setMinutes] = useState<number | string>('');
  const [errors, setErrors] = useState<Record<string, string>>({});

  const mutation = useMutation({
    mutationFn: () =>
      logContact(person!.id, {
        channel: channel!,
        kind: kindOf(channel!),
        summary: subject,
        outcome: outcome ?? undefined,
        durationMinutes: typeof minutes === 'number' ? minutes : undefined,
      }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['beneficiaries'] });
      notify(t('inquiries.contact.saved', { name: person!.fullNameAr }));
      onDone();
    },
    onError: (e) => {
      if (e instanceof ApiError) setErrors(e.fieldErrors);
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const missing: Record<string, string> = {};
    if (!person) missing.person = t('validation.required');
    if (!channel) missing.channel = t('validation.required');
    if (!subject.trim()) missing.summary = t('validation.required');
    setErrors(missing);
    if (Object.keys(missing).length === 0) mutation.mutate();
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <PersonSelect
          label={t('inquiries.contact.person')}
          value={person}
          onChange={setPerson}
          error={errors.person}
          required
          autoFocus
        />
        <Select
          label={t('inquiries.contact.channel')}
          data={channelOptions}
          value={channel}
          onChange={setChannel}
          error={errors.channel}
          required
          allowDeselect={false}
          comboboxProps={{ withinPortal: true }}
        />
        <TextInput
          label={t('inquiries.contact.subject')}
          value={subject}
          onChange={(e) => setSubject(e.currentTarget.value)}
          error={errors.summary}
          required
          maxLength={2000}
        />
        <Group grow align="flex-start">
          <Select
            label={t('inquiries.contact.outcome')}
            data={interactionOutcomes.map((value) => ({
              value,
              label: t(`inquiries.contact.outcomes.${value}`),
            }))}
            value={outcome}
            onChange={setOutcome}
            error={errors.outcome}
            comboboxProps={{ withinPortal: true }}
          />
          <NumberInput
            label={t('inquiries.contact.minutes')}
            value={minutes}
            onChange={setMinutes}
            min={0}
            max={600}
            allowDecimal={false}
            allowNegative={false}
            error={errors.durationMinutes}
          />
        </Group>
        {mutation.isError && Object.keys(errors).length === 0 && <ErrorAlert error={mutation.error} />}
        <Group justify="flex-end">
          <Button type="submit" loading={mutation.isPending}>
            {t('inquiries.contact.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
