import { ActionIcon, Button, Card, Group, SimpleGrid, Stack, Switch, Text, TextInput } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { Controller, useFieldArray } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { SectionProps } from './settings-form';

/** قنوات التواصل — the contact channels the organization answers on. */
export function ChannelsEditor({
  control,
  register,
  errors,
  savedCodes,
}: SectionProps & { savedCodes: ReadonlySet<string> }) {
  const { t } = useTranslation();
  const { fields, append, remove } = useFieldArray({ control, name: 'settings.channels' });
  const listError = errors.settings?.channels?.root?.message ?? errors.settings?.channels?.message;

  return (
    <Stack gap="sm">
      {fields.map((field, index) => {
        const rowErrors = errors.settings?.channels?.[index];
        // Codes of saved channels are referenced by records, so only new rows may set theirs.
        const isNew = !savedCodes.has(field.code);
        return (
          <Card
            key={field.id}
            withBorder
            padding="sm"
            component="fieldset"
            aria-label={field.labelAr || field.code}
          >
            <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
              <TextInput
                label={t('settings.channels.code')}
                description={isNew ? t('settings.channels.codeHint') : undefined}
                dir="ltr"
                readOnly={!isNew}
                variant={isNew ? 'default' : 'filled'}
                {...register(`settings.channels.${index}.code`)}
                error={rowErrors?.code?.message}
              />
              <TextInput
                label={t('settings.channels.labelAr')}
                dir="rtl"
                {...register(`settings.channels.${index}.labelAr`)}
                error={rowErrors?.labelAr?.message}
              />
              <TextInput
                label={t('settings.channels.labelEn')}
                dir="ltr"
                {...register(`settings.channels.${index}.labelEn`)}
                error={rowErrors?.labelEn?.message}
              />
            </SimpleGrid>
            <Group justify="space-between" mt="sm">
              <Controller
                control={control}
                name={`settings.channels.${index}.enabled`}
                render={({ field: sw }) => (
                  <Switch
                    label={t('settings.channels.enabled')}
                    checked={sw.value}
                    onChange={(e) => sw.onChange(e.currentTarget.checked)}
                  />
                )}
              />
              <ActionIcon
                variant="subtle"
                color="red"
                onClick={() => remove(index)}
                disabled={fields.length <= 1}
                aria-label={t('settings.channels.remove', { name: field.labelAr || field.code })}
              >
                <IconTrash size={18} aria-hidden />
              </ActionIcon>
            </Group>
          </Card>
        );
      })}
      {listError && (
        <Text c="red" size="sm" role="alert">
          {t('settings.channels.listError')}
        </Text>
      )}
      <Group>
        <Button
          variant="light"
          leftSection={<IconPlus size={18} aria-hidden />}
          onClick={() => append({ code: '', labelAr: '', labelEn: '', enabled: true })}
        >
          {t('settings.channels.add')}
        </Button>
      </Group>
    </Stack>
  );
}
