import { Alert, Button } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../lib/api';

interface ErrorAlertProps {
  error: unknown;
  onRetry?: () => void;
}

/** Shows the API's localized message (or the catalog's) with an optional retry button. */
export function ErrorAlert({ error, onRetry }: ErrorAlertProps) {
  const { t } = useTranslation();
  return (
    <Alert
      color="red"
      variant="light"
      icon={<IconAlertCircle aria-hidden />}
      title={t('common.errorTitle')}
      role="alert"
    >
      {errorMessage(error)}
      {onRetry && (
        <Button variant="subtle" color="red" size="xs" ms="sm" onClick={onRetry}>
          {t('common.retry')}
        </Button>
      )}
    </Alert>
  );
}
