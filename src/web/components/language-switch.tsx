import { Button } from '@mantine/core';
import { IconLanguage } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

/** Switches between Arabic and English; the label is the other language's own name. */
export function LanguageSwitch({ compact = false }: { compact?: boolean }) {
  const { t, i18n } = useTranslation();
  const next = i18n.language === 'en' ? 'ar' : 'en';
  return (
    <Button
      variant="subtle"
      size={compact ? 'compact-sm' : 'sm'}
      leftSection={<IconLanguage size={18} aria-hidden />}
      onClick={() => void i18n.changeLanguage(next)}
      lang={next}
    >
      {t('language.other')}
    </Button>
  );
}
