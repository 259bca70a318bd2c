import {
  ActionIcon,
  Button,
  Card,
  Fieldset,
  Group,
  MultiSelect,
  Select,
  SimpleGrid,
  Stack,
  Textarea,
  TextInput,
} from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { Controller, type UseFormReturn, useFieldArray } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { housingOwnership, housingTypes, maritalStatuses } from '../../../../shared/contracts/beneficiaries';
import { messagingChannels } from '../../../../shared/contracts/messaging';
import { useOrgLists } from '../settings';
import type { ProfileFormValues } from './profile-form-values';

interface ProfileMoreFieldsProps {
  form: UseFormReturn<ProfileFormValues>;
  withHealth: boolean;
}

/** Optional at registration; completeness is checked when a request is submitted (DESIGN.md). */
export function ProfileMoreFields({ form, withHealth }: ProfileMoreFieldsProps) {
  const { t } = useTranslation();
  const { channelOptions, categoryOptions } = useOrgLists();
  const { errors } = form.formState;
  const income = useFieldArray({ control: form.control, name: 'incomeSources' });
  const options = (list: readonly string[], prefix: string) =>
    list.map((value) => ({ value, label: t(`${prefix}.${value}`) }));

  return (
    <Stack gap="md">
      <Fieldset legend={t('beneficiaries.sections.personal')}>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <TextInput
            label={t('beneficiaries.fields.fullNameEn')}
            dir="ltr"
            {...form.register('fullNameEn')}
            error={errors.fullNameEn?.message}
          />
          <Controller
            control={form.control}
            name="maritalStatus"
            render={({ field }) => (
              <Select
                label={t('beneficiaries.fields.maritalStatus')}
                data={options(maritalStatuses, 'beneficiaries.marital')}
                value={field.value}
                onChange={field.onChange}
                clearable
              />
            )}
          />
          <Controller
            control={form.control}
            name="categories"
            render={({ field, fieldState }) => (
              <MultiSelect
                label={t('beneficiaries.fields.categories')}
                data={categoryOptions}
                value={field.value}
                onChange={field.onChange}
                error={fieldState.error?.message}
                clearable
              />
            )}
          />
          <TextInput
            label={t('beneficiaries.fields.altPhone')}
            dir="ltr"
            type="tel"
            {...form.register('altPhone')}
            error={errors.altPhone?.message}
          />
          <TextInput
            label={t('messaging.beneficiaryEmail')}
            dir="ltr"
            type="email"
            autoComplete="off"
            {...form.register('email')}
            error={errors.email?.message}
          />
          <Controller
            control={form.control}
            name="preferredChannel"
            render={({ field }) => (
              <Select
                label={t('beneficiaries.fields.preferredChannel')}
                data={[
                  ...channelOptions,
                  // Messages go by SMS, e-mail or WhatsApp when one of these is preferred (decision 018).
                  ...messagingChannels
                    .filter((c) => !channelOptions.some((o) => o.value === c))
                    .map((c) => ({ value: c, label: t(`outbox.channels.${c}`) })),
                ]}
                value={field.value}
                onChange={field.onChange}
                clearable
              />
            )}
          />
          <Controller
            control={form.control}
            name="preferredLanguage"
            render={({ field }) => (
              <Select
                label={t('beneficiaries.fields.preferredLanguage')}
                data={[
                  { value: 'ar', label: t('beneficiaries.languages.ar') },
                  { value: 'en', label: t('beneficiaries.languages.en') },
                ]}
                value={field.value}
                onChange={(v) => field.onChange(v ?? 'ar')}
              />
            )}
          />
        </SimpleGrid>
      </Fieldset>

      <Fieldset legend={t('beneficiaries.sections.address')}>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <TextInput
            label={t('beneficiaries.fields.region')}
            {...form.register('region')}
            error={errors.region?.message}
          />
          <TextInput
            label={t('beneficiaries.fields.district')}
            {...form.register('district')}
            error={errors.district?.message}
          />
        </SimpleGrid>
        <TextInput
          mt="md"
          label={t('beneficiaries.fields.address')}
          {...form.register('address')}
          error={errors.address?.message}
        />
      </Fieldset>

      <Fieldset legend={t('beneficiaries.sections.housingIncome')}>
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
          <Controller
            control={form.control}
            name="housingType"
            render={({ field, fieldState }) => (
              <Select
                label={t('beneficiaries.fields.housingType')}
                data={options(housingTypes, 'beneficiaries.housingTypes')}
                value={field.value}
                onChange={field.onChange}
                error={fieldState.error?.message}
                clearable
              />
            )}
          />
          <Controller
            control={form.control}
            name="housingOwnership"
            render={({ field, fieldState }) => (
              <Select
                label={t('beneficiaries.fields.housingOwnership')}
                data={options(housingOwnership, 'beneficiaries.ownership')}
                value={field.value}
                onChange={field.onChange}
                error={fieldState.error?.message}
                clearable
              />
            )}
          />
          <TextInput
            label={t('beneficiaries.fields.monthlyRent')}
            dir="ltr"
            inputMode="decimal"
            {...form.register('monthlyRent')}
            error={errors.monthlyRent?.message}
          />
        </SimpleGrid>
        <Stack gap="xs" mt="md">
          {income.fields.map((field, index) => (
            <Card key={field.id} withBorder padding="xs">
              <Group align="flex-end" gap="sm" wrap="nowrap">
                <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm" style={{ flex: 1 }}>
                  <TextInput
                    label={t('beneficiaries.fields.incomeSource')}
                    {...form.register(`incomeSources.${index}.source`)}
                    error={errors.incomeSources?.[index]?.source?.message}
                  />
                  <TextInput
                    label={t('beneficiaries.fields.monthlyAmount')}
                    dir="ltr"
                    inputMode="decimal"
                    {...form.register(`incomeSources.${index}.monthlyAmount`)}
                    error={errors.incomeSources?.[index]?.monthlyAmount?.message}
                  />
                </SimpleGrid>
                <ActionIcon
                  variant="subtle"
                  color="red"
                  mb={4}
                  onClick={() => income.remove(index)}
                  aria-label={t('beneficiaries.fields.removeIncome', { n: index + 1 })}
                >
                  <IconTrash size={18} aria-hidden />
                </ActionIcon>
              </Group>
            </Card>
          ))}
          <Group>
            <Button
              variant="light"
              size="xs"
              leftSection={<IconPlus size={16} aria-hidden />}
              onClick={() => income.append({ source: '', monthlyAmount: '' })}
            >
              {t('beneficiaries.fields.addIncome')}
            </Button>
          </Group>
        </Stack>
      </Fieldset>

      <Fieldset legend={t('beneficiaries.sections.other')}>
        <Stack gap="md">
          {withHealth && (
            <Textarea
              label={t('beneficiaries.fields.healthConditions')}
              description={t('beneficiaries.fields.healthHint')}
              autosize
              minRows={2}
              {...form.register('healthText')}
              error={errors.healthText?.message}
            />
          )}
          <Textarea
            label={t('beneficiaries.fields.notes')}
            autosize
            minRows={2}
            {...form.register('notes')}
            error={errors.notes?.message}
          />
        </Stack>
      </Fieldset>
    </Stack>
  );
}
