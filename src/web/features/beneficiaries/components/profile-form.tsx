import { Alert, Anchor, Button, Collapse, Group, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconChevronDown, IconChevronUp } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useRef, useState } from 'react';
import { Controller, type FieldErrors, type Path, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import {
  type Beneficiary,
  type CreateBeneficiary,
  type DuplicateMatch,
  genders,
} from '../../../../shared/contracts/beneficiaries';
import { ErrorAlert } from '../../../components/error-alert';
import { ApiError } from '../../../lib/api';
import { revealFirstInvalid } from '../../../lib/forms';
import { useCan } from '../../../lib/session';
import { commonNationalities, countryName, useOrgLists } from '../settings';
import { CalendarDateField } from './calendar-date-field';
import { PossibleDuplicatesModal } from './possible-duplicates-modal';
import { formFieldOf, type ProfileFormValues, profileResolver, toBody } from './profile-form-values';
import { ProfileMoreFields } from './profile-more-fields';

interface ProfileFormProps {
  mode: 'create' | 'edit';
  defaultValues: ProfileFormValues;
  save: (body: CreateBeneficiary) => Promise<Beneficiary>;
  onSaved: (beneficiary: Beneficiary) => void | Promise<void>;
  submitLabel: string;
  onCancel?: () => void;
}

/** The fields shown before «more details»; a failure anywhere else opens them. */
const mainFields = new Set([
  'nationalId',
  'fullNameAr',
  'birthDate',
  'gender',
  'phone',
  'nationality',
  'otherNationality',
  'city',
  'channel',
]);

/** The beneficiary's profile: the few fields a record needs, then the optional details. */
export function ProfileForm({ mode, defaultValues, save, onSaved, submitLabel, onCancel }: ProfileFormProps) {
  const { t, i18n } = useTranslation();
  const can = useCan();
  const withHealth = can('beneficiaries.read_health');
  const { channelOptions } = useOrgLists();
  const [moreOpen, more] = useDisclosure(mode === 'edit');
  const [matches, setMatches] = useState<DuplicateMatch[] | null>(null);
  const [existing, setExisting] = useState<{ id: string; fileNumber: string; fullNameAr: string } | null>(
    null,
  );
  const formRef = useRef<HTMLFormElement>(null);
  const form = useForm<ProfileFormValues>({
    resolver: profileResolver(mode, () => withHealth),
    defaultValues,
    // revealFirstInvalid scrolls the failed field clear of the header and any sticky bar, then focuses it.
    shouldFocusError: false,
  });
  /** Opens the optional details when a failed field is among them, then shows the first failed field. */
  const reveal = (failed: readonly string[]) => {
    if (failed.some((field) => !mainFields.has(field.split('.')[0]!))) more.open();
    revealFirstInvalid(formRef.current);
  };
  const { errors } = form.formState;
  const nationality = form.watch('nationality');

  const mutation = useMutation({
    mutationFn: (body: CreateBeneficiary) => save(body),
    onSuccess: async (saved) => {
      setMatches(null);
      await onSaved(saved);
    },
    onError: (error) => {
      if (!(error instanceof ApiError)) return;
      if (error.code === 'POSSIBLE_DUPLICATES') {
        setMatches((error.details?.matches as DuplicateMatch[] | undefined) ?? []);
        return;
      }
      if (error.code === 'DUPLICATE_BENEFICIARY') {
        setExisting((error.details?.existing as typeof existing) ?? null);
      }
      const failed: string[] = [];
      for (const [path, message] of Object.entries(error.fieldErrors)) {
        const field = formFieldOf(path);
        if (!field) continue;
        const shown = i18n.exists(`errors.${message}`) ? t(`errors.${message}`) : message;
        form.setError(field as Path<ProfileFormValues>, { type: 'server', message: shown });
        failed.push(field);
      }
      if (failed.length) reveal(failed);
    },
  });

  const submit = form.handleSubmit(
    (values) => {
      setExisting(null);
      mutation.mutate(toBody(values, withHealth));
    },
    (failed: FieldErrors<ProfileFormValues>) => reveal(Object.keys(failed)),
  );

  const showGeneralError =
    mutation.error && !(mutation.error instanceof ApiError && mutation.error.code === 'POSSIBLE_DUPLICATES');

  return (
    <form ref={formRef} onSubmit={submit} noValidate className="wasl-form">
      <Stack gap="md">
        {showGeneralError && <ErrorAlert error={mutation.error} />}
        {existing && (
          <Alert color="orange">
            <Anchor component={Link} to={`/beneficiaries/${existing.id}`} fw={600}>
              {t('beneficiaries.intake.openExistingNamed', {
                name: existing.fullNameAr,
                file: existing.fileNumber,
              })}
            </Anchor>
          </Alert>
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <TextInput
            label={t('beneficiaries.fields.nationalId')}
            dir="ltr"
            required
            readOnly={mode === 'create'}
            variant={mode === 'create' ? 'filled' : 'default'}
            {...form.register('nationalId')}
            error={errors.nationalId?.message}
          />
          <TextInput
            label={t('beneficiaries.fields.fullNameAr')}
            description={t('beneficiaries.fields.fullNameArHint')}
            dir="rtl"
            required
            autoFocus={mode === 'create'}
            {...form.register('fullNameAr')}
            error={errors.fullNameAr?.message}
          />
          <Controller
            control={form.control}
            name="birthDate"
            render={({ field, fieldState }) => (
              <CalendarDateField
                label={t('beneficiaries.fields.birthDate')}
                required
                calendar={form.watch('birthCalendar')}
                onCalendarChange={(c) => {
                  form.setValue('birthCalendar', c);
                  field.onChange('');
                }}
                value={field.value}
                onChange={field.onChange}
                onBlur={field.onBlur}
                error={fieldState.error?.message}
              />
            )}
          />
          <Controller
            control={form.control}
            name="gender"
            render={({ field, fieldState }) => (
              <Select
                label={t('beneficiaries.fields.gender')}
                required
                data={genders.map((g) => ({ value: g, label: t(`beneficiaries.gender.${g}`) }))}
                allowDeselect={false}
                value={field.value}
                onChange={field.onChange}
                error={fieldState.error?.message}
              />
            )}
          />
          <TextInput
            label={t('beneficiaries.fields.phone')}
            description={t('beneficiaries.fields.phoneHint')}
            dir="ltr"
            type="tel"
            inputMode="tel"
            required
            {...form.register('phone')}
            error={errors.phone?.message}
          />
          <Controller
            control={form.control}
            name="nationality"
            render={({ field, fieldState }) => (
              <Select
                label={t('beneficiaries.fields.nationality')}
                required
                searchable
                allowDeselect={false}
                data={[
                  ...commonNationalities.map((c) => ({ value: c, label: countryName(c, i18n.language) })),
                  { value: 'other', label: t('beneficiaries.fields.otherNationality') },
                ]}
                value={field.value}
                onChange={field.onChange}
                error={fieldState.error?.message}
              />
            )}
          />
          {nationality === 'other' && (
            <TextInput
              label={t('beneficiaries.fields.nationalityCode')}
              description={t('beneficiaries.fields.nationalityCodeHint')}
              dir="ltr"
              maxLength={2}
              required
              {...form.register('otherNationality')}
              error={errors.nationality?.message}
            />
          )}
          <TextInput
            label={t('beneficiaries.fields.city')}
            required
            {...form.register('city')}
            error={errors.city?.message}
          />
          {mode === 'create' && (
            <Controller
              control={form.control}
              name="channel"
              render={({ field, fieldState }) => (
                <Select
                  label={t('beneficiaries.fields.channel')}
                  description={t('beneficiaries.fields.channelHint')}
                  required
                  data={channelOptions}
                  allowDeselect={false}
                  value={field.value}
                  onChange={field.onChange}
                  error={fieldState.error?.message}
                />
              )}
            />
          )}
        </SimpleGrid>

        <Group>
          <Button
            variant="subtle"
            onClick={more.toggle}
            aria-expanded={moreOpen}
            leftSection={
              moreOpen ? <IconChevronUp size={16} aria-hidden /> : <IconChevronDown size={16} aria-hidden />
            }
          >
            {t('beneficiaries.intake.moreDetails')}
          </Button>
        </Group>
        <Collapse expanded={moreOpen}>
          <ProfileMoreFields form={form} withHealth={withHealth} />
        </Collapse>

        <Group justify="flex-end" gap="sm">
          {onCancel && (
            <Button variant="default" onClick={onCancel}>
              {t('common.cancel')}
            </Button>
          )}
          <Button type="submit" loading={mutation.isPending && matches === null}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>
      <PossibleDuplicatesModal
        key={(matches ?? []).map((m) => m.id).join()}
        matches={matches}
        loading={mutation.isPending}
        onClose={() => setMatches(null)}
        onAcknowledge={(ids) =>
          mutation.mutate({ ...toBody(form.getValues(), withHealth), acknowledgedDuplicateIds: ids })
        }
      />
    </form>
  );
}
