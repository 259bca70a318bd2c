import { useDirection } from '@mantine/core';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { directionOf } from '../i18n';

/** Keeps Mantine's direction in step with the language (i18n/index.ts sets <html lang dir>). */
export function DirectionSync() {
  const { i18n } = useTranslation();
  const { setDirection } = useDirection();
  useEffect(() => {
    setDirection(directionOf(i18n.language));
  }, [i18n.language, setDirection]);
  return null;
}
