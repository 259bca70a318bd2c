import { Anchor, Badge, Button, Card, Group, Stack, Text, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReferralInboxItem } from '../../../../shared/contracts/requests';
import { normalizeDigits } from '../../../../shared/digits';
import { ErrorAlert } from '../../../components/error-alert';
import { DualDate } from '../../../lib/dates';
import { answerReferral, referralKeys } from '../api';

/** One referral: the question, the case, who asked, by when; the answer form for the assignee. */
export function ReferralCard({ item, canAnswer }: { item: ReferralInboxItem; canAnswer: boolean }) {
  const { t } = useTranslation();
  const titleId = useId();
  const queryClient = useQueryClient();
  const [answer, setAnswer] = useState('');
  const send = useMutation({
    mutationFn: () => answerReferral(item.id, normalizeDigits(answer).trim()),
    onSuccess: () => {
      setAnswer('');
      void queryClient.invalidateQueries({ queryKey: referralKeys.all });
      void queryClient.invalidateQueries({ queryKey: ['requests'] });
      void queryClient.invalidateQueries({ queryKey: ['workspace'] });
      notifications.show({ color: 'teal', message: t('referrals.answered', { number: item.requestNumber }) });
    },
  });
  const tooShort = answer.trim().length < 2;
  return (
    <Card withBorder padding="md" component="li" aria-labelledby={titleId}>
      <Group justify="space-between" align="flex-start" gap="xs">
        <Stack gap={2} style={{ minWidth: 0 }}>
          <Title order={2} size="h4" id={titleId}>
            {item.beneficiaryName}
          </Title>
          <Group gap="xs">
            <Anchor component={Link} to={`/requests/${item.requestId}` as never} size="sm" fw={600}>
              {t('referrals.request', { number: item.requestNumber })}
            </Anchor>
            <Anchor component={Link} to={`/beneficiaries/${item.beneficiaryId}` as never} size="sm">
              {t('referrals.file', { file: item.beneficiaryFileNumber })}
            </Anchor>
          </Group>
        </Stack>
        <Badge color={item.status === 'answered' ? 'teal' : item.overdue ? 'red' : 'blue'} variant="light">
          {item.status === 'answered'
            ? t('referrals.states.answered')
            : item.overdue
              ? t('referrals.states.overdue')
              : t('referrals.states.open')}
        </Badge>
      </Group>
      <Text size="sm" mt="sm" fw={600}>
        {t('referrals.question')}
      </Text>
      <Text size="sm" className="pre-wrap">
        {item.reason}
      </Text>
      <Group gap="md" mt="xs">
        <Text size="xs" c="dimmed">
          {t('referrals.askedBy', { name: item.createdByName ?? '—' })}
        </Text>
        <Text size="xs" c="dimmed">
          {t('referrals.assignedTo', { name: item.assigneeName ?? '—' })}
        </Text>
        <Group gap={4}>
          <Text size="xs" c="dimmed">
            {t('referrals.dueAt')}
          </Text>
          <DualDate value={item.dueAt} size="xs" />
        </Group>
      </Group>
      {item.answer ? (
        <Stack gap={2} mt="sm">
          <Text size="sm" fw={600}>
            {t('referrals.answer')}
          </Text>
          <Text size="sm" className="pre-wrap">
            {item.answer}
          </Text>
          {item.answeredAt && <DualDate value={item.answeredAt} withTime size="xs" />}
        </Stack>
      ) : canAnswer ? (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (!tooShort) send.mutate();
          }}
        >
          <Stack gap="xs" mt="sm">
            <Textarea
              label={t('referrals.answerLabel')}
              description={t('referrals.answerHint')}
              value={answer}
              onChange={(e) => setAnswer(e.currentTarget.value)}
              autosize
              minRows={2}
              maxLength={2000}
              required
            />
            {send.isError && <ErrorAlert error={send.error} />}
            <Group justify="flex-end">
              <Button type="submit" loading={send.isPending} disabled={tooShort}>
                {t('referrals.send')}
              </Button>
            </Group>
          </Stack>
        </form>
      ) : null}
    </Card>
  );
}
