import { Radio, Stack } from '@mantine/core';
import { Controller } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { defaultDigitStyle, digitStyles } from '../../../../shared/digits';
import type { SectionProps } from './settings-form';

// Each option shows its own digits whatever the current style: a value passed to t() keeps its digits.
const samples = { arab: '٠١٢٣٤٥٦٧٨٩', latn: '0123456789' } as const;

/** أسلوب الأرقام — Arabic-Indic or Latin digits on every screen and document (decision 014). */
export function DigitStyleField({ control }: Pick<SectionProps, 'control'>) {
  const { t } = useTranslation();
  return (
    <Controller
      control={control}
      name="settings.digitStyle"
      render={({ field }) => (
        <Radio.Group
          label={t('settings.digits.label')}
          value={field.value ?? defaultDigitStyle}
          onChange={field.onChange}
        >
          <Stack mt="xs" gap="xs">
            {digitStyles.map((style) => (
              <Radio
                key={style}
                value={style}
                label={t(`settings.digits.${style}`, { sample: samples[style] })}
              />
            ))}
          </Stack>
        </Radio.Group>
      )}
    />
  );
}
