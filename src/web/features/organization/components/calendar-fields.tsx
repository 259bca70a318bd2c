import { Checkbox, Group, Radio, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { Controller } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { normalizeDigits } from '../../../../shared/digits';
import { useNumberFormat } from '../../../lib/numbers';
import type { SectionProps } from './settings-form';

const weekdays = [0, 1, 2, 3, 4, 5, 6] as const;

/** الجهة المختصة بالقرار — who decides: a research committee or the competent department. */
export function DecisionBodyFields({ control, register, errors }: SectionProps) {
  const { t } = useTranslation();
  const bodyErrors = errors.settings?.decisionBody;
  return (
    <Stack gap="sm">
      <Controller
        control={control}
        name="settings.decisionBody.kind"
        render={({ field }) => (
          <Radio.Group label={t('settings.decisionBody.kind')} value={field.value} onChange={field.onChange}>
            <Group mt="xs" gap="lg">
              <Radio value="committee" label={t('settings.decisionBody.committee')} />
              <Radio value="department" label={t('settings.decisionBody.department')} />
            </Group>
          </Radio.Group>
        )}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <TextInput
          label={t('settings.decisionBody.nameAr')}
          dir="rtl"
          {...register('settings.decisionBody.nameAr')}
          error={bodyErrors?.nameAr?.message}
        />
        <TextInput
          label={t('settings.decisionBody.nameEn')}
          dir="ltr"
          {...register('settings.decisionBody.nameEn')}
          error={bodyErrors?.nameEn?.message}
        />
      </SimpleGrid>
    </Stack>
  );
}

/** The working week and the default decision period (at least 14 days, as the policy promises). */
export function CalendarFields({ control, errors }: Omit<SectionProps, 'register'>) {
  const { t } = useTranslation();
  const { digits } = useNumberFormat();
  return (
    <Stack gap="md">
      <Controller
        control={control}
        name="settings.workingDays"
        render={({ field, fieldState }) => (
          <Checkbox.Group
            label={t('settings.workingDays.label')}
            value={field.value.map(String)}
            onChange={(values) => field.onChange(values.map(Number).sort((a, b) => a - b))}
            error={fieldState.error?.message}
          >
            <Group mt="xs" gap="md">
              {weekdays.map((day) => (
                <Checkbox key={day} value={String(day)} label={t(`weekdays.${day}`)} />
              ))}
            </Group>
          </Checkbox.Group>
        )}
      />
      <Controller
        control={control}
        name="settings.defaultDecisionDays"
        render={({ field }) => (
          <TextInput
            label={t('settings.decisionDays.label')}
            description={t('settings.decisionDays.hint')}
            inputMode="numeric"
            maw={220}
            value={Number.isNaN(field.value) ? '' : digits(String(field.value))}
            onChange={(e) => {
              // Arabic-Indic digits are accepted and stored as a number.
              const digits = normalizeDigits(e.currentTarget.value).replace(/\D/g, '');
              field.onChange(digits === '' ? Number.NaN : Number(digits));
            }}
            onBlur={field.onBlur}
            name={field.name}
            ref={field.ref}
            error={errors.settings?.defaultDecisionDays?.message}
          />
        )}
      />
    </Stack>
  );
}
