import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export function StatusBadge({ status }: { status: 'active' | 'inactive' }) {
  const { t } = useTranslation();
  return (
    <Badge color={status === 'active' ? 'teal' : 'gray'} variant={status === 'active' ? 'light' : 'outline'}>
      {t(`users.status.${status}`)}
    </Badge>
  );
}
