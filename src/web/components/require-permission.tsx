import { Alert, Title } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Action } from '../../shared/permissions';
import { useCan } from '../lib/session';

/** Renders children only when the signed-in user holds `action`; otherwise a polite refusal. */
export function RequirePermission({ action, children }: { action: Action; children: ReactNode }) {
  const can = useCan();
  const { t } = useTranslation();
  if (!can(action)) {
    // The refusal is the page: it carries the page's one h1.
    return (
      <>
        <Title order={1} size="h2" mb="md">
          {t('common.forbiddenTitle')}
        </Title>
        <Alert color="orange" icon={<IconLock aria-hidden />}>
          {t('errors.FORBIDDEN')}
        </Alert>
      </>
    );
  }
  return <>{children}</>;
}
