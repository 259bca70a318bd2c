import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';

const colors = { success: 'teal', denied: 'orange', failure: 'red' } as const;

export function OutcomeBadge({ outcome }: { outcome: keyof typeof colors }) {
  const { t } = useTranslation();
  return (
    <Badge color={colors[outcome]} variant="light">
      {t(`audit.outcomes.${outcome}`)}
    </Badge>
  );
}
