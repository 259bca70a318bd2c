import { ActionIcon, Button, Card, Group, SimpleGrid, Stack, Switch, Text, TextInput } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { Controller, type FieldError, useFieldArray } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { SectionProps } from './settings-form';

interface RowErrors {
  code?: FieldError;
  labelAr?: FieldError;
  labelEn?: FieldError;
}

/** The code and the two labels of one list entry; a saved code is referenced by records, so it is fixed. */
function CodeAndLabels({
  isNew,
  register,
  path,
  errors,
}: {
  isNew: boolean;
  register: SectionProps['register'];
  path: `settings.beneficiaryCategories.${number}` | `settings.documentTypes.${number}`;
  errors: RowErrors | undefined;
}) {
  const { t } = useTranslation();
  return (
    <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
      <TextInput
        label={t('settings.lists.code')}
        description={isNew ? t('settings.lists.codeHint') : undefined}
        dir="ltr"
        readOnly={!isNew}
        variant={isNew ? 'default' : 'filled'}
        {...register(`${path}.code`)}
        error={errors?.code?.message}
      />
      <TextInput
        label={t('settings.lists.labelAr')}
        dir="rtl"
        {...register(`${path}.labelAr`)}
        error={errors?.labelAr?.message}
      />
      <TextInput
        label={t('settings.lists.labelEn')}
        dir="ltr"
        {...register(`${path}.labelEn`)}
        error={errors?.labelEn?.message}
      />
    </SimpleGrid>
  );
}

function AddButton({ label, onClick, disabled }: { label: string; onClick: () => void; disabled: boolean }) {
  return (
    <Group>
      <Button
        variant="light"
        leftSection={<IconPlus size={18} aria-hidden />}
        onClick={onClick}
        disabled={disabled}
      >
        {label}
      </Button>
    </Group>
  );
}

/** فئات المستفيدين — orphan, widow, elderly, … as this organization names them. */
export function CategoriesEditor({
  control,
  register,
  errors,
  savedCodes,
}: SectionProps & { savedCodes: ReadonlySet<string> }) {
  const { t } = useTranslation();
  const { fields, append, remove } = useFieldArray({ control, name: 'settings.beneficiaryCategories' });

  return (
    <Stack gap="sm">
      {fields.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('settings.categories.empty')}
        </Text>
      )}
      {fields.map((field, index) => {
        const name = field.labelAr || field.code || String(index + 1);
        return (
          <Card key={field.id} withBorder padding="sm" component="fieldset" aria-label={name}>
            <CodeAndLabels
              isNew={!savedCodes.has(field.code)}
              register={register}
              path={`settings.beneficiaryCategories.${index}`}
              errors={errors.settings?.beneficiaryCategories?.[index]}
            />
            <Group justify="flex-end" mt="xs">
              <ActionIcon
                variant="subtle"
                color="red"
                onClick={() => remove(index)}
                aria-label={t('settings.categories.remove', { name })}
              >
                <IconTrash size={18} aria-hidden />
              </ActionIcon>
            </Group>
          </Card>
        );
      })}
      <AddButton
        label={t('settings.categories.add')}
        disabled={fields.length >= 50}
        onClick={() => append({ code: '', labelAr: '', labelEn: '' })}
      />
    </Stack>
  );
}

/** أنواع الوثائق — the documents a file may hold, and whether each one expires. */
export function DocumentTypesEditor({
  control,
  register,
  errors,
  savedCodes,
}: SectionProps & { savedCodes: ReadonlySet<string> }) {
  const { t } = useTranslation();
  const { fields, append, remove } = useFieldArray({ control, name: 'settings.documentTypes' });

  return (
    <Stack gap="sm">
      {fields.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('settings.documentTypes.empty')}
        </Text>
      )}
      {fields.map((field, index) => {
        const name = field.labelAr || field.code || String(index + 1);
        return (
          <Card key={field.id} withBorder padding="sm" component="fieldset" aria-label={name}>
            <CodeAndLabels
              isNew={!savedCodes.has(field.code)}
              register={register}
              path={`settings.documentTypes.${index}`}
              errors={errors.settings?.documentTypes?.[index]}
            />
            <Group justify="space-between" mt="sm">
              <Controller
                control={control}
                name={`settings.documentTypes.${index}.hasExpiry`}
                render={({ field: sw }) => (
                  <Switch
                    label={t('settings.documentTypes.hasExpiry')}
                    description={t('settings.documentTypes.hasExpiryHint')}
                    checked={sw.value}
                    onChange={(e) => sw.onChange(e.currentTarget.checked)}
                  />
                )}
              />
              <ActionIcon
                variant="subtle"
                color="red"
                onClick={() => remove(index)}
                aria-label={t('settings.documentTypes.remove', { name })}
              >
                <IconTrash size={18} aria-hidden />
              </ActionIcon>
            </Group>
          </Card>
        );
      })}
      <AddButton
        label={t('settings.documentTypes.add')}
        disabled={fields.length >= 50}
        onClick={() => append({ code: '', labelAr: '', labelEn: '', hasExpiry: false })}
      />
    </Stack>
  );
}
