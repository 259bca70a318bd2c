import { Card, SimpleGrid, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { staffRoles } from '../../../../shared/roles';
import type { SectionProps } from './settings-form';

/** The titles each role carries in this organization (e.g. "مسؤول البحث الاجتماعي" for supervisor). */
export function RoleTitlesEditor({ register, errors }: Omit<SectionProps, 'control'>) {
  const { t } = useTranslation();
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
      {staffRoles.map((role) => {
        const roleErrors = errors.settings?.roleTitles?.[role];
        return (
          <Card key={role} withBorder padding="sm">
            <Text fw={600} size="sm" mb="xs" id={`role-title-${role}`}>
              {t(`roles.${role}`)}
            </Text>
            <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="xs">
              <TextInput
                label={t('settings.roleTitles.ar')}
                dir="rtl"
                aria-describedby={`role-title-${role}`}
                {...register(`settings.roleTitles.${role}.ar`)}
                error={roleErrors?.ar?.message}
              />
              <TextInput
                label={t('settings.roleTitles.en')}
                dir="ltr"
                aria-describedby={`role-title-${role}`}
                {...register(`settings.roleTitles.${role}.en`)}
                error={roleErrors?.en?.message}
              />
            </SimpleGrid>
          </Card>
        );
      })}
    </SimpleGrid>
  );
}
