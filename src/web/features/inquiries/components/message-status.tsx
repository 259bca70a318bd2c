import { Badge, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Inquiry } from '../../../../shared/contracts/inquiries';

const colors: Record<string, string> = {
  queued: 'gray',
  sent: 'teal',
  delivered: 'green',
  failed: 'red',
  recorded: 'yellow',
};

/** The answer message's own status in the outbox (never "sent" when it was only recorded). */
export function MessageStatus({ inquiry }: { inquiry: Inquiry }) {
  const { t } = useTranslation();
  if (inquiry.answerSkipped) {
    return (
      <Text size="sm" c="orange.8" role="status">
        {t(`inquiries.message.skipped.${inquiry.answerSkipped}`)}
      </Text>
    );
  }
  const message = inquiry.answerMessage;
  if (!message) return null;
  return (
    <Group gap="xs" role="status" aria-live="polite" data-testid="answer-message-status">
      <Text size="sm">
        {t('inquiries.message.title')} ({t(`inquiries.message.via.${message.channel}`)}):
      </Text>
      <Badge color={colors[message.status] ?? 'gray'} variant="light" data-status={message.status}>
        {t(`inquiries.message.${message.status}`, { defaultValue: message.status })}
      </Badge>
    </Group>
  );
}
