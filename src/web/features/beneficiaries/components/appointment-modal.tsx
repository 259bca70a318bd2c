import { Alert, Button, Chip, Group, Modal, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Beneficiary } from '../../../../shared/contracts/beneficiaries';
import { normalizeDigits } from '../../../../shared/digits';
import { ErrorAlert } from '../../../components/error-alert';
import { beneficiaryKeys, bookAppointment, servicesForBookingQuery, slotsQuery } from '../api';

const today = () => new Date().toLocaleDateString('en-CA');

/**
 * Books a counter visit for the person: a day, the service (whose minutes per visitor make the slots),
 * and a free slot; they receive a confirmation, and a reminder the day before.
 */
export function AppointmentModal({
  beneficiary,
  opened,
  onClose,
}: {
  beneficiary: Beneficiary;
  opened: boolean;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const [date, setDate] = useState(today());
  const [serviceId, setServiceId] = useState<string | null>(null);
  const [slot, setSlot] = useState<string | null>(null);
  const [purpose, setPurpose] = useState('');
  const day = normalizeDigits(date);
  const validDay = /^\d{4}-\d{2}-\d{2}$/.test(day);
  const services = useQuery({ ...servicesForBookingQuery, enabled: opened });
  const slots = useQuery({ ...slotsQuery(day, serviceId), enabled: opened && validDay });
  const time = new Intl.DateTimeFormat(i18n.language === 'en' ? 'en-GB' : 'ar-SA-u-nu-latn', {
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'Asia/Riyadh',
  });
  const mutation = useMutation({
    mutationFn: () =>
      bookAppointment({
        beneficiaryId: beneficiary.id,
        serviceId,
        startsAt: slot ?? '',
        purpose: purpose.trim() || null,
      }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: beneficiaryKeys.part(beneficiary.id, 'timeline') });
      void queryClient.invalidateQueries({ queryKey: ['appointments'] });
      notifications.show({ color: 'teal', message: t('beneficiaries.appointment.done') });
      setSlot(null);
      setPurpose('');
      onClose();
    },
  });
  const free = (slots.data?.slots ?? []).filter((s) => s.free > 0);
  return (
    <Modal opened={opened} onClose={onClose} title={t('beneficiaries.appointment.title')}>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (slot) mutation.mutate();
        }}
      >
        <Stack gap="md">
          {mutation.error && <ErrorAlert error={mutation.error} />}
          <Select
            label={t('beneficiaries.appointment.service')}
            description={t('beneficiaries.appointment.serviceHint')}
            clearable
            data={(services.data ?? []).map((s) => ({
              value: s.id,
              label: `${i18n.language === 'en' ? s.nameEn : s.nameAr} — ${t('beneficiaries.appointment.minutes', { count: s.visitMinutes })}`,
            }))}
            value={serviceId}
            onChange={(v) => {
              setServiceId(v);
              setSlot(null);
            }}
          />
          <TextInput
            label={t('beneficiaries.appointment.date')}
            type="date"
            required
            value={date}
            onChange={(e) => {
              setDate(e.currentTarget.value);
              setSlot(null);
            }}
          />
          {slots.isError && <ErrorAlert error={slots.error} />}
          {slots.data && !slots.data.workingDay && (
            <Alert color="orange" variant="light">
              {t('beneficiaries.appointment.closed')}
            </Alert>
          )}
          {slots.data?.workingDay && free.length === 0 && (
            <Text size="sm" c="dimmed">
              {t('beneficiaries.appointment.noSlots')}
            </Text>
          )}
          {free.length > 0 && (
            <Chip.Group value={slot ?? ''} onChange={(v) => setSlot(typeof v === 'string' ? v : null)}>
              <Group gap="xs" role="radiogroup" aria-label={t('beneficiaries.appointment.slot')}>
                {free.map((s) => (
                  <Chip key={s.startsAt} value={s.startsAt} size="sm">
                    {time.format(new Date(s.startsAt))}
                  </Chip>
                ))}
              </Group>
            </Chip.Group>
          )}
          <Textarea
            label={t('beneficiaries.appointment.purpose')}
            autosize
            minRows={2}
            maxLength={500}
            value={purpose}
            onChange={(e) => setPurpose(e.currentTarget.value)}
          />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={mutation.isPending} disabled={!slot}>
              {t('beneficiaries.appointment.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
