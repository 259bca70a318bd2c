import { Badge, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Inquiry } from '../../../../shared/contracts/inquiries';

/** Open or answered, and "overdue" past its due time (working calendar) while still open. */
export function InquiryStatusBadge({ inquiry }: { inquiry: Pick<Inquiry, 'status' | 'overdue'> }) {
  const { t } = useTranslation();
  return (
    <Group gap={4} wrap="nowrap">
      <Badge color={inquiry.status === 'answered' ? 'teal' : 'blue'} variant="light">
        {t(`inquiries.status.${inquiry.status}`)}
      </Badge>
      {inquiry.overdue && (
        <Badge color="red" variant="filled">
          {t('inquiries.overdue')}
        </Badge>
      )}
    </Group>
  );
}
