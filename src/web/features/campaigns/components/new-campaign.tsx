import { Button, Card, Group, NumberInput, Select, Stack, Textarea, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { normalizeDigits } from '../../../../shared/digits';
import { ErrorAlert } from '../../../components/error-alert';
import { activeServicesQuery, campaignKeys, createCampaign } from '../api';

const blank = {
  serviceId: null as string | null,
  title: '',
  messageAr: '',
  messageEn: '',
  minDaysBetween: 30,
};

/** A draft campaign: which service, the words in Arabic and English, how often one person may be reached. */
export function NewCampaign() {
  const { t, i18n } = useTranslation();
  const titleId = useId();
  const queryClient = useQueryClient();
  const services = useQuery(activeServicesQuery);
  const [form, setForm] = useState(blank);
  const [tried, setTried] = useState(false);
  const valid =
    Boolean(form.serviceId) &&
    form.title.trim().length >= 3 &&
    form.messageAr.trim().length >= 10 &&
    form.messageEn.trim().length >= 10;
  const mutation = useMutation({
    mutationFn: () =>
      createCampaign({
        serviceId: form.serviceId ?? '',
        title: form.title.trim(),
        messageAr: form.messageAr.trim(),
        messageEn: form.messageEn.trim(),
        minDaysBetween: form.minDaysBetween,
      }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: campaignKeys.all });
      notifications.show({ color: 'teal', message: t('campaigns.created') });
      setForm(blank);
      setTried(false);
    },
  });
  const required = (ok: boolean) => (tried && !ok ? t('validation.required') : undefined);
  return (
    <Card withBorder padding="md" component="section" aria-labelledby={titleId}>
      <Title order={2} size="h5" id={titleId} mb="sm">
        {t('campaigns.new')}
      </Title>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          setTried(true);
          if (valid) mutation.mutate();
        }}
      >
        <Stack gap="sm">
          {mutation.error && <ErrorAlert error={mutation.error} />}
          <Select
            label={t('campaigns.fields.service')}
            description={t('campaigns.fields.serviceHint')}
            required
            searchable
            data={(services.data ?? []).map((s) => ({
              value: s.id,
              label: i18n.language === 'en' && s.nameEn ? s.nameEn : s.nameAr,
            }))}
            value={form.serviceId}
            onChange={(v) => setForm({ ...form, serviceId: v })}
            error={required(Boolean(form.serviceId))}
          />
          <TextInput
            label={t('campaigns.fields.title')}
            required
            value={form.title}
            onChange={(e) => setForm({ ...form, title: e.currentTarget.value })}
            error={required(form.title.trim().length >= 3)}
          />
          <Textarea
            label={t('campaigns.fields.messageAr')}
            required
            autosize
            minRows={2}
            maxLength={600}
            value={form.messageAr}
            onChange={(e) => setForm({ ...form, messageAr: e.currentTarget.value })}
            error={required(form.messageAr.trim().length >= 10)}
          />
          <Textarea
            label={t('campaigns.fields.messageEn')}
            required
            autosize
            minRows={2}
            maxLength={600}
            dir="ltr"
            value={form.messageEn}
            onChange={(e) => setForm({ ...form, messageEn: e.currentTarget.value })}
            error={required(form.messageEn.trim().length >= 10)}
          />
          <NumberInput
            label={t('campaigns.fields.minDaysBetween')}
            description={t('campaigns.fields.minDaysHint')}
            min={7}
            max={365}
            value={form.minDaysBetween}
            onChange={(v) => setForm({ ...form, minDaysBetween: Number(normalizeDigits(String(v))) || 30 })}
          />
          <Group justify="flex-end">
            <Button type="submit" loading={mutation.isPending}>
              {t('campaigns.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
