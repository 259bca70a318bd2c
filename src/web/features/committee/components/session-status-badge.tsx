import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export function SessionStatusBadge({ status }: { status: 'open' | 'closed' }) {
  const { t } = useTranslation();
  return (
    <Badge color={status === 'open' ? 'teal' : 'gray'} variant="light">
      {t(`committee.status.${status}`)}
    </Badge>
  );
}
