import { Badge, Group } from '@mantine/core';
import { IconAlarm, IconArrowUpRight } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Complaint, ComplaintStatus } from '../../../../shared/contracts/complaints';
import { useMe } from '../../../lib/session';

const statusColors: Record<ComplaintStatus, string> = {
  new: 'blue',
  in_progress: 'yellow',
  answered: 'teal',
  closed: 'gray',
};

/** Kind, status, and the marks that need someone's attention (overdue, escalated). */
export function ComplaintBadges({ complaint }: { complaint: Complaint }) {
  const { t } = useTranslation();
  return (
    <Group gap={6}>
      <Badge variant="outline" color={complaint.kind === 'complaint' ? 'orange' : 'grape'}>
        {t(`complaints.kinds.${complaint.kind}`)}
      </Badge>
      <Badge variant="light" color={statusColors[complaint.status]} data-status={complaint.status}>
        {t(`complaints.status.${complaint.status}`)}
      </Badge>
      {complaint.overdue && (
        <Badge color="red" leftSection={<IconAlarm size={12} aria-hidden />}>
          {t('complaints.overdue')}
        </Badge>
      )}
      {complaint.escalatedAt && (
        <Badge color="red" variant="outline" leftSection={<IconArrowUpRight size={12} aria-hidden />}>
          {t('complaints.escalated')}
        </Badge>
      )}
    </Group>
  );
}

/** The association's label of a category code, in the interface language. */
export function useCategoryLabel(): (code: string | null) => string | null {
  const me = useMe();
  const { i18n } = useTranslation();
  const categories = me?.organization.settings.complaints?.categories ?? [];
  return (code) => {
    if (!code) return null;
    const found = categories.find((c) => c.code === code);
    if (!found) return code;
    return i18n.language === 'en' ? found.labelEn : found.labelAr;
  };
}
