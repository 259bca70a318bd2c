import { Badge, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Improvement, ImprovementStatus } from '../../../../shared/contracts/surveys';
import { isOverdue } from '../api';

const statusColors: Record<ImprovementStatus, string> = {
  open: 'blue',
  in_progress: 'yellow',
  done: 'teal',
  cancelled: 'gray',
};

/** Today as a local date in Riyadh (`YYYY-MM-DD`), for "overdue". */
export const todayInRiyadh = () => new Date().toLocaleDateString('en-CA', { timeZone: 'Asia/Riyadh' });

export function ImprovementBadges({ action }: { action: Improvement }) {
  const { t } = useTranslation();
  return (
    <Group gap={6}>
      <Badge color={statusColors[action.status]} variant="light">
        {t(`improvements.status.${action.status}`)}
      </Badge>
      <Badge color="gray" variant="outline">
        {t(`improvements.source.${action.source}`)}
      </Badge>
      {isOverdue(action, todayInRiyadh()) && <Badge color="red">{t('improvements.overdue')}</Badge>}
      {action.publishedAt && (
        <Badge color="grape" variant="light">
          {t('improvements.published')}
        </Badge>
      )}
    </Group>
  );
}
