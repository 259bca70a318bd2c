import { SimpleGrid, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SectionProps } from './settings-form';

/** أوقات الهدوء — messages written between these local times wait until the end (one-time codes do not). */
export function QuietHoursFields({ register, errors }: Pick<SectionProps, 'register' | 'errors'>) {
  const { t } = useTranslation();
  const quiet = errors.settings?.messaging?.quietHours;
  return (
    <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
      <TextInput
        type="time"
        dir="ltr"
        label={t('messaging.quietHours.start')}
        {...register('settings.messaging.quietHours.start')}
        error={quiet?.start?.message}
      />
      <TextInput
        type="time"
        dir="ltr"
        label={t('messaging.quietHours.end')}
        {...register('settings.messaging.quietHours.end')}
        error={quiet?.end?.message}
      />
    </SimpleGrid>
  );
}
