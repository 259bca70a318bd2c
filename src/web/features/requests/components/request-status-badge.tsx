import { Badge } from '@mantine/core';
import { IconAlarm } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { RequestStatus } from '../../../../shared/requests/request-machine';
import { statusColors, useRequestLabels } from '../labels';

export function RequestStatusBadge({
  status,
  size = 'md',
}: {
  status: RequestStatus;
  size?: 'sm' | 'md' | 'lg';
}) {
  const labels = useRequestLabels();
  return (
    <Badge color={statusColors[status]} variant="light" size={size} data-status={status}>
      {labels.status(status)}
    </Badge>
  );
}

export function OverdueBadge({ size = 'md' }: { size?: 'sm' | 'md' | 'lg' }) {
  const { t } = useTranslation();
  return (
    <Badge color="red" variant="filled" size={size} leftSection={<IconAlarm size={12} aria-hidden />}>
      {t('requests.overdue')}
    </Badge>
  );
}
