import { Alert, Anchor, Badge, Button, Card, Divider, Group, Progress, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconGavel } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert';
import { useNumberFormat } from '../../../lib/numbers';
import { useOrgLists } from '../../../lib/org-lists';
import { useMe } from '../../../lib/session';
import { type AgendaItem, committeeKeys, decideItem, type Session } from '../api';
import { VoteForm } from './vote-form';

const voteColor = { approve: 'teal', reject: 'red', defer: 'yellow', conflict: 'orange' } as const;
const outcomeColor = { approved: 'teal', rejected: 'red', deferred: 'yellow' } as const;

/** One case on the agenda: the tally so far, each vote with its reason, my vote, the chair's decision. */
export function AgendaItemCard({ session, item }: { session: Session; item: AgendaItem }) {
  const { t } = useTranslation();
  const { number: formatNumber } = useNumberFormat();
  const me = useMe();
  const queryClient = useQueryClient();
  const { decisionBodyName } = useOrgLists();
  const open = session.status === 'open' && (item.outcome === null || item.outcome === 'deferred');
  const isMember = session.members.some((m) => m.id === me?.user.id);
  const isChair = session.chairId === me?.user.id;
  const mine = item.votes.find((v) => v.memberId === me?.user.id);
  const { tally } = item;
  const decide = useMutation({
    mutationFn: () => decideItem(session.id, item.requestId),
    onSuccess: async (next) => {
      queryClient.setQueryData(committeeKeys.detail(session.id), next);
      notifications.show({ color: 'teal', message: t('committee.item.decided', { number: item.number }) });
      await queryClient.invalidateQueries({ queryKey: committeeKeys.queue });
    },
  });

  return (
    <Card withBorder padding="md" radius="md" component="li" aria-label={item.number}>
      <Group justify="space-between" align="flex-start" gap="xs">
        <Stack gap={2} style={{ minWidth: 0 }}>
          <Text fw={700}>{item.beneficiaryName}</Text>
          <Text size="sm" c="dimmed">
            {item.serviceNameAr} ·{' '}
            <Anchor component={Link} to={`/requests/${item.requestId}/assessment`} size="sm">
              <bdi>{item.number}</bdi>
            </Anchor>
          </Text>
        </Stack>
        <Group gap={6}>
          {(item.outcome === null || item.outcome === 'deferred') && (
            <Badge variant="light">
              {t(`requests.status.${item.status}`, {
                body: decisionBodyName || t('committee.defaultBody'),
                defaultValue: item.status,
              })}
            </Badge>
          )}
          {item.outcome && (
            <Badge color={outcomeColor[item.outcome]}>{t(`committee.outcomes.${item.outcome}`)}</Badge>
          )}
        </Group>
      </Group>

      <Stack gap={6} mt="sm">
        <Group gap="md">
          <Text size="sm">
            {t('committee.votes.approve')}: <b>{formatNumber(tally.approve)}</b>
          </Text>
          <Text size="sm">
            {t('committee.votes.reject')}: <b>{formatNumber(tally.reject)}</b>
          </Text>
          <Text size="sm">
            {t('committee.votes.defer')}: <b>{formatNumber(tally.defer)}</b>
          </Text>
          <Badge color={tally.quorate ? 'teal' : 'gray'} variant="light">
            {tally.quorate
              ? t('committee.item.quorate', { cast: tally.cast, quorum: session.quorum })
              : t('committee.item.notQuorate', { cast: tally.cast, quorum: session.quorum })}
          </Badge>
        </Group>
        <Progress
          value={Math.min(100, (tally.cast / Math.max(1, session.quorum)) * 100)}
          color={tally.quorate ? 'teal' : 'gray'}
          size="sm"
          aria-label={t('committee.item.quorumProgress')}
        />
      </Stack>

      {item.votes.length > 0 && (
        <Stack
          gap={4}
          mt="sm"
          component="ul"
          p={0}
          m={0}
          style={{ listStyle: 'none' }}
          aria-label={t('committee.item.votes')}
        >
          {item.votes.map((v) => (
            <Group key={v.memberId} component="li" gap="xs" wrap="nowrap" align="flex-start">
              <Badge color={voteColor[v.vote]} variant="light" style={{ flexShrink: 0 }}>
                {t(`committee.votes.${v.vote}`)}
              </Badge>
              <Text size="sm">
                <b>{v.memberName ?? t('common.none')}</b>: {v.reason}
              </Text>
            </Group>
          ))}
        </Stack>
      )}

      {item.summary && (
        <Text size="sm" mt="sm" className="pre-wrap" c="dimmed">
          {item.summary}
        </Text>
      )}

      {open && isMember && (
        <>
          <Divider my="md" label={t('committee.vote.mine')} labelPosition="center" />
          {mine?.vote === 'conflict' ? (
            <Alert color="orange" variant="light">
              {t('committee.vote.conflictDeclared')}
            </Alert>
          ) : (
            <VoteForm
              sessionId={session.id}
              requestId={item.requestId}
              number={item.number}
              previous={mine ? { vote: mine.vote, reason: mine.reason } : undefined}
            />
          )}
        </>
      )}

      {open && isChair && (
        <Stack gap="xs" mt="md">
          {decide.error && <ErrorAlert error={decide.error} />}
          <Group justify="flex-end">
            <Button
              color="teal"
              variant="filled"
              leftSection={<IconGavel size={18} aria-hidden />}
              onClick={() => decide.mutate()}
              loading={decide.isPending}
            >
              {t('committee.item.decide')}
            </Button>
          </Group>
        </Stack>
      )}
    </Card>
  );
}
