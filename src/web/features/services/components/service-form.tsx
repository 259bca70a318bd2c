import {
  Button,
  Card,
  Checkbox,
  Group,
  MultiSelect,
  NumberInput,
  Radio,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { Link } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { Controller, type FieldErrors, type Resolver, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import {
  type Service,
  type ServiceInput,
  serviceInputSchema,
  type VerificationMechanism,
  verificationMechanisms,
} from '../../../../shared/contracts/services';
import { ErrorAlert } from '../../../components/error-alert';
import { LinesEditor } from '../../../components/lines-editor';
import { applyApiFieldErrors, formResolver } from '../../../lib/forms';
import { useOrgLists } from '../../../lib/org-lists';

export interface ServiceFormValues {
  nameAr: string;
  nameEn: string;
  descriptionAr: string;
  descriptionEn: string;
  targetCategories: string[];
  conditionsAr: string;
  requiredDocuments: string[];
  verification: VerificationMechanism[];
  decisionDays: number;
  capacityPerPeriod: number | null;
  budgetPerPeriod: number | null;
  recurrence: 'one_off' | 'monthly';
  registrationChecklist: string[];
  active: boolean;
  visitMinutes: number;
}

const fieldNames = [
  'nameAr',
  'nameEn',
  'descriptionAr',
  'descriptionEn',
  'targetCategories',
  'conditionsAr',
  'requiredDocuments',
  'verification',
  'decisionDays',
  'capacityPerPeriod',
  'budgetPerPeriod',
  'recurrence',
  'registrationChecklist',
  'active',
  'visitMinutes',
] as const;

export function emptyService(decisionDays: number): ServiceFormValues {
  return {
    nameAr: '',
    nameEn: '',
    descriptionAr: '',
    descriptionEn: '',
    targetCategories: [],
    conditionsAr: '',
    requiredDocuments: [],
    verification: ['documents'],
    decisionDays: Math.max(14, decisionDays),
    capacityPerPeriod: null,
    budgetPerPeriod: null,
    recurrence: 'one_off',
    registrationChecklist: [],
    active: true,
    visitMinutes: 20,
  };
}

export function serviceToForm(s: Service): ServiceFormValues {
  return {
    nameAr: s.nameAr,
    nameEn: s.nameEn,
    descriptionAr: s.descriptionAr ?? '',
    descriptionEn: s.descriptionEn ?? '',
    targetCategories: s.targetCategories,
    conditionsAr: s.conditionsAr ?? '',
    requiredDocuments: s.requiredDocuments,
    verification: s.verification,
    decisionDays: s.decisionDays,
    capacityPerPeriod: s.capacityPerPeriod,
    budgetPerPeriod: s.budgetPerPeriod,
    recurrence: s.recurrence,
    registrationChecklist: s.registrationChecklist,
    active: s.active,
    visitMinutes: s.visitMinutes,
  };
}

// Blank checklist lines are dropped before validation: an "add line" clicked once too often is no error.
const baseResolver = formResolver<ServiceFormValues>(serviceInputSchema);
const resolver: Resolver<ServiceFormValues> = (values, context, options) =>
  baseResolver(
    { ...values, registrationChecklist: values.registrationChecklist.filter((line) => line.trim()) },
    context,
    options,
  );

/** The first message anywhere under an array field (`registrationChecklist.2`). */
function arrayError(error: FieldErrors<ServiceFormValues>[keyof ServiceFormValues]): string | undefined {
  if (!error) return undefined;
  if (typeof error.message === 'string' && error.message) return error.message;
  if (Array.isArray(error)) return error.find((e) => e?.message)?.message;
  return undefined;
}

interface ServiceFormProps {
  initial: ServiceFormValues;
  submitLabel: string;
  pending: boolean;
  error: unknown;
  onSubmit: (values: ServiceInput) => Promise<unknown>;
}

export function ServiceForm({ initial, submitLabel, pending, error, onSubmit }: ServiceFormProps) {
  const { t } = useTranslation();
  const { categoryOptions, documentTypeOptions, categoryLabel, documentTypeLabel } = useOrgLists();
  const form = useForm<ServiceFormValues>({ resolver, defaultValues: initial });
  const { errors } = form.formState;
  // Codes no longer in the organization's lists stay selectable, so saving never drops them silently.
  const withCurrent = (
    options: { value: string; label: string }[],
    current: string[],
    label: (c: string) => string,
  ) => [
    ...options,
    ...current.filter((c) => !options.some((o) => o.value === c)).map((c) => ({ value: c, label: label(c) })),
  ];

  const submit = form.handleSubmit(async (values) => {
    try {
      await onSubmit(values as ServiceInput);
    } catch (err) {
      applyApiFieldErrors(err, form.setError, fieldNames);
    }
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        {Boolean(error) && <ErrorAlert error={error} />}
        <Section title={t('services.sections.basics')}>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t('services.fields.nameAr')}
              required
              {...form.register('nameAr')}
              error={errors.nameAr?.message}
            />
            <TextInput
              label={t('services.fields.nameEn')}
              required
              dir="ltr"
              {...form.register('nameEn')}
              error={errors.nameEn?.message}
            />
            <Textarea
              label={t('services.fields.descriptionAr')}
              autosize
              minRows={2}
              {...form.register('descriptionAr')}
              error={errors.descriptionAr?.message}
            />
            <Textarea
              label={t('services.fields.descriptionEn')}
              autosize
              minRows={2}
              dir="ltr"
              {...form.register('descriptionEn')}
              error={errors.descriptionEn?.message}
            />
          </SimpleGrid>
          <Controller
            control={form.control}
            name="active"
            render={({ field }) => (
              <Switch
                label={t('services.fields.activeSwitch')}
                description={t('services.fields.activeHint')}
                checked={field.value}
                onChange={(e) => field.onChange(e.currentTarget.checked)}
              />
            )}
          />
        </Section>

        <Section title={t('services.sections.eligibility')}>
          <Controller
            control={form.control}
            name="targetCategories"
            render={({ field, fieldState }) => (
              <MultiSelect
                label={t('services.fields.targetCategories')}
                description={t('services.fields.targetCategoriesHint')}
                data={withCurrent(categoryOptions, field.value, categoryLabel)}
                value={field.value}
                onChange={field.onChange}
                clearable
                searchable
                error={fieldState.error?.message}
              />
            )}
          />
          <Textarea
            label={t('services.fields.conditionsAr')}
            autosize
            minRows={3}
            {...form.register('conditionsAr')}
            error={errors.conditionsAr?.message}
          />
          <Controller
            control={form.control}
            name="requiredDocuments"
            render={({ field, fieldState }) => (
              <MultiSelect
                label={t('services.fields.requiredDocuments')}
                description={t('services.fields.requiredDocumentsHint')}
                data={withCurrent(documentTypeOptions, field.value, documentTypeLabel)}
                value={field.value}
                onChange={field.onChange}
                clearable
                searchable
                error={fieldState.error?.message}
              />
            )}
          />
          <Controller
            control={form.control}
            name="verification"
            render={({ field, fieldState }) => (
              <Checkbox.Group
                label={t('services.fields.verification')}
                description={t('services.fields.verificationHint')}
                value={field.value}
                onChange={(v) => field.onChange(v as VerificationMechanism[])}
                error={fieldState.error?.message}
              >
                <Group gap="lg" mt="xs">
                  {verificationMechanisms.map((m) => (
                    <Checkbox key={m} value={m} label={t(`services.mechanisms.${m}`)} />
                  ))}
                </Group>
              </Checkbox.Group>
            )}
          />
        </Section>

        <Section title={t('services.sections.decision')}>
          <Controller
            control={form.control}
            name="decisionDays"
            render={({ field, fieldState }) => (
              <NumberInput
                label={t('services.fields.decisionDays')}
                description={t('services.fields.decisionDaysHint')}
                required
                min={14}
                max={365}
                allowDecimal={false}
                styles={{ wrapper: { maxWidth: 220 } }}
                value={field.value}
                onChange={(v) => field.onChange(typeof v === 'number' ? v : Number.NaN)}
                onBlur={field.onBlur}
                error={fieldState.error?.message}
              />
            )}
          />
          <Controller
            control={form.control}
            name="visitMinutes"
            render={({ field, fieldState }) => (
              <NumberInput
                label={t('services.fields.visitMinutes')}
                description={t('services.fields.visitMinutesHint')}
                required
                min={5}
                max={240}
                allowDecimal={false}
                styles={{ wrapper: { maxWidth: 220 } }}
                value={field.value}
                onChange={(v) => field.onChange(typeof v === 'number' ? v : Number.NaN)}
                onBlur={field.onBlur}
                error={fieldState.error?.message}
              />
            )}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Controller
              control={form.control}
              name="capacityPerPeriod"
              render={({ field, fieldState }) => (
                <NumberInput
                  label={t('services.fields.capacityPerPeriod')}
                  description={t('services.fields.capacityHint')}
                  min={1}
                  allowDecimal={false}
                  thousandSeparator=","
                  value={field.value ?? ''}
                  onChange={(v) => field.onChange(typeof v === 'number' ? v : null)}
                  error={fieldState.error?.message}
                />
              )}
            />
            <Controller
              control={form.control}
              name="budgetPerPeriod"
              render={({ field, fieldState }) => (
                <NumberInput
                  label={t('services.fields.budgetPerPeriod')}
                  description={t('services.fields.budgetHint')}
                  min={0}
                  thousandSeparator=","
                  rightSection={<Text size="xs">{t('services.currency')}</Text>}
                  rightSectionWidth={48}
                  value={field.value ?? ''}
                  onChange={(v) => field.onChange(typeof v === 'number' ? v : null)}
                  error={fieldState.error?.message}
                />
              )}
            />
          </SimpleGrid>
          <Controller
            control={form.control}
            name="recurrence"
            render={({ field }) => (
              <Radio.Group
                label={t('services.fields.recurrence')}
                value={field.value}
                onChange={(v) => field.onChange(v)}
              >
                <Stack gap="xs" mt="xs">
                  <Radio value="one_off" label={t('services.recurrence.one_off')} />
                  <Radio
                    value="monthly"
                    label={t('services.recurrence.monthly')}
                    description={t('services.recurrence.monthlyHint')}
                  />
                </Stack>
              </Radio.Group>
            )}
          />
        </Section>

        <Section title={t('services.sections.registration')}>
          <Controller
            control={form.control}
            name="registrationChecklist"
            render={({ field, fieldState }) => (
              <LinesEditor
                label={t('services.fields.registrationChecklist')}
                description={t('services.fields.registrationChecklistHint')}
                value={field.value}
                onChange={field.onChange}
                addLabel={t('services.checklistAdd')}
                lineLabel={(n) => t('services.checklistLine', { n })}
                removeLabel={(n) => t('services.checklistRemove', { n })}
                error={arrayError(fieldState.error as never) ?? arrayError(errors.registrationChecklist)}
              />
            )}
          />
        </Section>

        <Group justify="flex-end" gap="sm" className="sticky-save" p="sm" bg="var(--mantine-color-body)">
          <Button variant="default" component={Link} to="/services">
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={pending}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Card withBorder padding="lg" component="section">
      <Stack gap="md">
        <Title order={2} size="h4">
          {title}
        </Title>
        {children}
      </Stack>
    </Card>
  );
}
