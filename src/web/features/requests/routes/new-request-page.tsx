import { Anchor, Button, Card, Group, Select, Stack, Text, Title } from '@mantine/core';
import { IconSend } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { BeneficiarySummary } from '../../../../shared/contracts/beneficiaries';
import { createRequestSchema } from '../../../../shared/contracts/requests';
import type { Service } from '../../../../shared/contracts/services';
import { ErrorAlert } from '../../../components/error-alert';
import { PageHeader } from '../../../components/page-header';
import { RequirePermission } from '../../../components/require-permission';
import { applyApiFieldErrors, formResolver } from '../../../lib/forms';
import { shownNumber } from '../../../lib/numbers';
import { useOrgLists } from '../../../lib/org-lists';
import { activeServicesQuery, beneficiaryQuery, createRequest, requestKeys } from '../api';
import { BeneficiaryPicker } from '../components/beneficiary-picker';
import { SubmissionIncomplete, submissionGaps } from '../components/submission-incomplete';
import type { NewRequestSearch } from './search-params';
import '../requests.css';

interface NewRequestForm {
  beneficiaryId: string;
  serviceId: string;
  channel: string;
}

export function NewRequestPage() {
  return (
    <RequirePermission action="requests.create">
      <NewRequest />
    </RequirePermission>
  );
}

function NewRequest() {
  const { t, i18n } = useTranslation();
  const search = useSearch({ strict: false }) as NewRequestSearch;
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { channelOptions } = useOrgLists();
  const [beneficiary, setBeneficiary] = useState<BeneficiarySummary | null>(null);
  const preset = useQuery({
    ...beneficiaryQuery(search.beneficiaryId ?? ''),
    enabled: Boolean(search.beneficiaryId),
  });
  const services = useQuery(activeServicesQuery);

  const form = useForm<NewRequestForm>({
    resolver: formResolver<NewRequestForm>(createRequestSchema),
    defaultValues: {
      beneficiaryId: search.beneficiaryId ?? '',
      serviceId: '',
      channel: channelOptions.length === 1 ? channelOptions[0]!.value : '',
    },
  });
  const { errors } = form.formState;

  // Arriving from a beneficiary's profile (?beneficiaryId=) starts with that person chosen.
  useEffect(() => {
    if (preset.data && !beneficiary) {
      setBeneficiary(preset.data);
      form.setValue('beneficiaryId', preset.data.id);
    }
  }, [preset.data, beneficiary, form]);

  const mutation = useMutation({
    mutationFn: (values: NewRequestForm) => createRequest(values),
    onSuccess: async (created) => {
      await queryClient.invalidateQueries({ queryKey: requestKeys.all });
      await navigate({
        to: '/requests/$requestId',
        params: { requestId: created.id },
        search: { created: true },
      });
    },
    onError: (error) => {
      applyApiFieldErrors(error, form.setError, ['beneficiaryId', 'serviceId', 'channel']);
    },
  });
  const gaps = submissionGaps(mutation.error);
  const serviceId = form.watch('serviceId');
  const service = services.data?.find((s) => s.id === serviceId) ?? null;

  const pick = (b: BeneficiarySummary | null) => {
    setBeneficiary(b);
    form.setValue('beneficiaryId', b?.id ?? '', { shouldValidate: Boolean(b) });
    mutation.reset();
    void navigate({ to: '/requests/new', search: { beneficiaryId: b?.id }, replace: true });
  };

  return (
    <>
      <Anchor component={Link} to="/requests" size="sm">
        {t('requests.backToList')}
      </Anchor>
      <PageHeader title={t('requests.newForm.title')} description={t('requests.newForm.description')} />
      <Card withBorder padding="lg" maw={760}>
        <form onSubmit={form.handleSubmit((values) => mutation.mutate(values))} noValidate>
          <Stack gap="lg">
            <Step n={1} title={t('requests.newForm.stepBeneficiary')}>
              {preset.isError && <ErrorAlert error={preset.error} />}
              <BeneficiaryPicker
                selected={beneficiary}
                onSelect={pick}
                error={errors.beneficiaryId ? t('requests.newForm.beneficiaryRequired') : undefined}
              />
            </Step>
            <Step n={2} title={t('requests.newForm.stepService')}>
              {services.isError && (
                <ErrorAlert error={services.error} onRetry={() => void services.refetch()} />
              )}
              <Controller
                control={form.control}
                name="serviceId"
                render={({ field, fieldState }) => (
                  <Select
                    label={t('requests.fields.service')}
                    placeholder={t('requests.newForm.servicePlaceholder')}
                    required
                    searchable
                    nothingFoundMessage={t('requests.newForm.noServices')}
                    data={(services.data ?? []).map((s) => ({
                      value: s.id,
                      label: i18n.language === 'en' ? s.nameEn : s.nameAr,
                    }))}
                    value={field.value || null}
                    onChange={(v) => {
                      field.onChange(v ?? '');
                      mutation.reset();
                    }}
                    error={fieldState.error ? t('validation.choose') : undefined}
                  />
                )}
              />
              {service && <ServiceSummary service={service} />}
            </Step>
            <Step n={3} title={t('requests.newForm.stepChannel')}>
              <Controller
                control={form.control}
                name="channel"
                render={({ field, fieldState }) => (
                  <Select
                    label={t('requests.fields.channel')}
                    description={t('requests.newForm.channelHint')}
                    required
                    data={channelOptions}
                    value={field.value || null}
                    onChange={(v) => field.onChange(v ?? '')}
                    error={fieldState.error ? t('validation.choose') : undefined}
                  />
                )}
              />
            </Step>
            {gaps && beneficiary ? (
              <SubmissionIncomplete gaps={gaps} beneficiaryId={beneficiary.id} />
            ) : (
              mutation.error && <ErrorAlert error={mutation.error} />
            )}
            <Group justify="flex-end" gap="sm">
              <Button variant="default" component={Link} to="/requests">
                {t('common.cancel')}
              </Button>
              <Button
                type="submit"
                loading={mutation.isPending}
                leftSection={<IconSend size={18} aria-hidden />}
              >
                {t('requests.newForm.submit')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Card>
    </>
  );
}

function Step({ n, title, children }: { n: number; title: string; children: React.ReactNode }) {
  const { i18n } = useTranslation();
  return (
    <Stack gap="xs" component="fieldset" style={{ border: 0, padding: 0, margin: 0 }}>
      <Title order={2} size="h5" component="legend" mb={4}>
        {shownNumber(n, i18n.language)}. {title}
      </Title>
      {children}
    </Stack>
  );
}

/** What the officer tells the beneficiary at the counter: the wait, the documents, the checks. */
function ServiceSummary({ service }: { service: Service }) {
  const { t, i18n } = useTranslation();
  const { documentTypeLabel } = useOrgLists();
  const description =
    i18n.language === 'en' ? (service.descriptionEn ?? service.descriptionAr) : service.descriptionAr;
  return (
    <Card withBorder padding="sm" bg="var(--mantine-color-gray-0)">
      <Stack gap={4}>
        {description && <Text size="sm">{description}</Text>}
        <Text size="sm">{t('requests.newForm.decisionWithin', { count: service.decisionDays })}</Text>
        <Text size="sm">
          {t('requests.newForm.requiredDocuments')}:{' '}
          {service.requiredDocuments.length
            ? service.requiredDocuments.map(documentTypeLabel).join(t('common.listSeparator'))
            : t('common.none')}
        </Text>
        <Text size="sm">
          {t('requests.newForm.verification')}:{' '}
          {service.verification.map((m) => t(`requests.mechanisms.${m}`)).join(t('common.listSeparator')) ||
            t('common.none')}
        </Text>
        {service.conditionsAr && (
          <Text size="sm" c="dimmed" className="pre-wrap">
            {service.conditionsAr}
          </Text>
        )}
      </Stack>
    </Card>
  );
}
