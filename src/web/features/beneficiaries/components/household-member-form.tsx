import { Button, Group, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { Controller, type Path, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import {
  genders,
  type HouseholdMemberInput,
  householdMemberInputSchema,
  householdRelations,
  schoolingLevels,
} from '../../../../shared/contracts/beneficiaries';
import { ErrorAlert } from '../../../components/error-alert';
import { applyApiFieldErrors, formResolver } from '../../../lib/forms';
import { useCan } from '../../../lib/session';
import { addHouseholdMember, type HouseholdMember } from '../api';
import { type Calendar, CalendarDateField } from './calendar-date-field';

interface MemberForm {
  relation: string | null;
  fullName: string;
  nationalId?: string;
  birthDate?: string;
  birthDateHijri?: string;
  gender: string | null;
  monthlyIncome?: string;
  health?: string;
  schooling?: string | null;
}

const blank: MemberForm = {
  relation: null,
  fullName: '',
  nationalId: '',
  birthDate: '',
  birthDateHijri: '',
  gender: null,
  monthlyIncome: '',
  health: '',
  schooling: null,
};

/** Drops empty optional values so the shared schema sees them as absent. */
function clean(values: MemberForm): HouseholdMemberInput {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(values)) {
    if (value === '' || value === null || value === undefined) continue;
    out[key] = value;
  }
  return out as HouseholdMemberInput;
}

const memberSchema = householdMemberInputSchema;

export function HouseholdMemberForm({
  beneficiaryId,
  onAdded,
  onCancel,
}: {
  beneficiaryId: string;
  onAdded: (member: HouseholdMember) => void;
  onCancel?: () => void;
}) {
  const { t } = useTranslation();
  const can = useCan();
  const [calendar, setCalendar] = useState<Calendar>('hijri');
  const dateField = calendar === 'hijri' ? 'birthDateHijri' : 'birthDate';
  const baseResolver = formResolver<MemberForm>(memberSchema);
  const form = useForm<MemberForm>({
    resolver: (values, context, options) => baseResolver(clean(values) as MemberForm, context, options),
    defaultValues: blank,
  });
  const { errors } = form.formState;

  const mutation = useMutation({
    mutationFn: (body: HouseholdMemberInput) => addHouseholdMember(beneficiaryId, body),
    onSuccess: (member) => {
      form.reset(blank);
      onAdded(member);
    },
    onError: (error) => applyApiFieldErrors(error, form.setError, (path) => path in blank),
  });

  const select = (
    name: Path<MemberForm>,
    label: string,
    data: { value: string; label: string }[],
    required = false,
  ) => (
    <Controller
      control={form.control}
      name={name}
      render={({ field, fieldState }) => (
        <Select
          label={label}
          required={required}
          data={data}
          value={(field.value as string | null) ?? null}
          onChange={field.onChange}
          error={fieldState.error?.message}
          clearable={!required}
          // A required choice is not emptied by tapping it again.
          allowDeselect={!required}
        />
      )}
    />
  );

  return (
    <form
      onSubmit={form.handleSubmit((values) => mutation.mutate(clean(values)))}
      noValidate
      aria-label={t('beneficiaries.household.addTitle')}
    >
      <Stack gap="md">
        {mutation.error && <ErrorAlert error={mutation.error} />}
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          {select(
            'relation',
            t('beneficiaries.household.relation'),
            householdRelations.map((r) => ({ value: r, label: t(`beneficiaries.relations.${r}`) })),
            true,
          )}
          <TextInput
            label={t('beneficiaries.household.fullName')}
            required
            {...form.register('fullName')}
            error={errors.fullName?.message}
          />
          {select(
            'gender',
            t('beneficiaries.fields.gender'),
            genders.map((g) => ({ value: g, label: t(`beneficiaries.gender.${g}`) })),
            true,
          )}
          <TextInput
            label={t('beneficiaries.fields.nationalId')}
            dir="ltr"
            inputMode="numeric"
            {...form.register('nationalId')}
            error={errors.nationalId?.message}
          />
          <Controller
            control={form.control}
            name={dateField}
            render={({ field }) => (
              <CalendarDateField
                label={t('beneficiaries.fields.birthDate')}
                calendar={calendar}
                onCalendarChange={(c) => {
                  form.setValue('birthDate', '');
                  form.setValue('birthDateHijri', '');
                  setCalendar(c);
                }}
                value={field.value ?? ''}
                onChange={field.onChange}
                error={errors.birthDate?.message ?? errors.birthDateHijri?.message}
              />
            )}
          />
          <TextInput
            label={t('beneficiaries.household.monthlyIncome')}
            dir="ltr"
            inputMode="decimal"
            {...form.register('monthlyIncome')}
            error={errors.monthlyIncome?.message}
          />
          {select(
            'schooling',
            t('beneficiaries.household.schooling'),
            schoolingLevels.map((s) => ({ value: s, label: t(`beneficiaries.schooling.${s}`) })),
          )}
          {can('beneficiaries.read_health') && (
            <TextInput
              label={t('beneficiaries.household.health')}
              {...form.register('health')}
              error={errors.health?.message}
            />
          )}
        </SimpleGrid>
        <Group justify="flex-end" gap="sm">
          {onCancel && (
            <Button variant="default" onClick={onCancel}>
              {t('common.cancel')}
            </Button>
          )}
          <Button type="submit" loading={mutation.isPending}>
            {t('beneficiaries.household.add')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
