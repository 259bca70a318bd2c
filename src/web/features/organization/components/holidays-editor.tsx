import { ActionIcon, Button, Card, Group, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useFieldArray, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { shownDualDate } from '../../../lib/dates';
import type { SectionProps } from './settings-form';

/** Official holidays (Eids, Founding Day, National Day…) that deadlines skip. */
export function HolidaysEditor({ control, register, errors }: SectionProps) {
  const { t, i18n } = useTranslation();
  const { fields, append, remove } = useFieldArray({ control, name: 'settings.holidays' });
  const values = useWatch({ control, name: 'settings.holidays' });

  const hijriOf = (date: string | undefined) => {
    if (!date || !/^\d{4}-\d{2}-\d{2}$/.test(date)) return undefined;
    return shownDualDate(`${date}T12:00:00Z`, i18n.language).hijri;
  };

  return (
    <Stack gap="sm">
      {fields.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('settings.holidays.empty')}
        </Text>
      )}
      {fields.map((field, index) => {
        const rowErrors = errors.settings?.holidays?.[index];
        return (
          <Card key={field.id} withBorder padding="sm">
            <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
              <TextInput
                type="date"
                label={t('settings.holidays.date')}
                description={hijriOf(values?.[index]?.date)}
                {...register(`settings.holidays.${index}.date`)}
                error={rowErrors?.date?.message}
              />
              <TextInput
                label={t('settings.holidays.nameAr')}
                dir="rtl"
                {...register(`settings.holidays.${index}.nameAr`)}
                error={rowErrors?.nameAr?.message}
              />
              <TextInput
                label={t('settings.holidays.nameEn')}
                dir="ltr"
                {...register(`settings.holidays.${index}.nameEn`)}
                error={rowErrors?.nameEn?.message}
              />
            </SimpleGrid>
            <Group justify="flex-end" mt="xs">
              <ActionIcon
                variant="subtle"
                color="red"
                onClick={() => remove(index)}
                aria-label={t('settings.holidays.remove', { name: values?.[index]?.nameAr || index + 1 })}
              >
                <IconTrash size={18} aria-hidden />
              </ActionIcon>
            </Group>
          </Card>
        );
      })}
      <Group>
        <Button
          variant="light"
          leftSection={<IconPlus size={18} aria-hidden />}
          onClick={() => append({ date: '', nameAr: '', nameEn: '' })}
        >
          {t('settings.holidays.add')}
        </Button>
      </Group>
    </Stack>
  );
}
