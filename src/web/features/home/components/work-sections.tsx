import { Anchor, Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import { IconCalendarEvent } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { SectionOf } from '../api';
import { ReferralRow, RequestRow, TaskRow, useDateLine, VoteRow } from './rows';
import { CountBadge, SectionCard, WorkList } from './work-list';

type RequestSectionKind = 'my_requests' | 'overdue_requests' | 'delivery';

// One list of requests per kind: its texts (home.<key>.*) and the queue its "see all" opens.
const requestSections = {
  my_requests: { key: 'myRequests', search: { queue: 'review' } },
  overdue_requests: { key: 'overdueRequests', search: { queue: 'all', overdue: true } },
  delivery: { key: 'delivery', search: { queue: 'delivery' } },
} as const;

export function RequestsSection({ section }: { section: SectionOf<RequestSectionKind> }) {
  const { t } = useTranslation();
  const { key, search } = requestSections[section.kind];
  const title = t(`home.${key}.title`);
  return (
    <SectionCard
      title={title}
      staffRole={section.role}
      description={t(`home.${key}.description`)}
      badge={<CountBadge count={section.total} urgent={section.urgent} />}
    >
      <WorkList
        label={title}
        items={section.items}
        total={section.total}
        keyOf={(r) => r.id}
        render={(r) => <RequestRow request={r} />}
        empty={t(`home.${key}.empty`)}
        seeAll={{ to: '/requests', search, label: t(`home.${key}.seeAll`) }}
      />
    </SectionCard>
  );
}

export function ReferralsSection({ section }: { section: SectionOf<'referrals'> }) {
  const { t } = useTranslation();
  const title = t('home.referrals.title');
  return (
    <SectionCard
      title={title}
      staffRole={section.role}
      description={t('home.referrals.description')}
      badge={<CountBadge count={section.total} urgent={section.urgent} />}
    >
      {/* No page lists every referral: the rest opens here. */}
      <WorkList
        label={title}
        items={section.items}
        total={section.total}
        keyOf={(r) => r.id}
        render={(r) => <ReferralRow referral={r} />}
        empty={t('home.referrals.empty')}
      />
    </SectionCard>
  );
}

export function TasksSection({ section }: { section: SectionOf<'verification_tasks'> }) {
  const { t } = useTranslation();
  const title = t('home.tasks.title');
  return (
    <SectionCard
      title={title}
      staffRole={section.role}
      badge={<CountBadge count={section.total} urgent={section.urgent} />}
    >
      <Stack gap="sm">
        <WorkList
          label={title}
          items={section.items}
          total={section.total}
          keyOf={(task) => task.id}
          render={(task) => <TaskRow task={task} />}
          empty={t('home.tasks.empty')}
          seeAll={{ to: '/verifications', label: t('home.tasks.seeAll') }}
        />
        {section.unassigned > 0 && (
          <Text size="sm">
            {t('home.tasks.unassigned', { count: section.unassigned })}{' '}
            <Anchor component={Link} to="/verifications" fw={600}>
              {t('home.tasks.takeOne')}
            </Anchor>
          </Text>
        )}
      </Stack>
    </SectionCard>
  );
}

export function CommitteeSection({ section }: { section: SectionOf<'committee'> }) {
  const { t } = useTranslation();
  const dateLine = useDateLine();
  const next = section.nextSession;
  const nextId = useId();
  const votesTitle = t('home.committee.votesTitle');
  return (
    <SectionCard title={t('home.committee.title')} staffRole={section.role}>
      <Stack gap="md">
        <Card withBorder padding="sm" radius="sm" bg="gray.0" component="section" aria-labelledby={nextId}>
          <Group gap="xs" wrap="nowrap" align="flex-start">
            <IconCalendarEvent size={22} aria-hidden style={{ flexShrink: 0 }} />
            <Stack gap={2} style={{ minWidth: 0 }}>
              <Title order={3} size="h5" id={nextId}>
                {t('home.committee.nextSession')}
              </Title>
              {next ? (
                <>
                  <Anchor component={Link} to={`/committee/${next.id}` as never} fw={600}>
                    {next.title}
                  </Anchor>
                  <Text size="sm">{dateLine(next.scheduledFor, true)}</Text>
                  <Group gap="xs">
                    <Badge variant="default">{t('home.committee.agenda', { count: next.agendaCount })}</Badge>
                    {!next.isMember && (
                      <Text size="xs" c="gray.7">
                        {t('home.committee.notMember')}
                      </Text>
                    )}
                  </Group>
                </>
              ) : (
                <Text size="sm">{t('home.committee.noSession')}</Text>
              )}
              <Anchor component={Link} to="/committee" size="sm">
                {t('home.committee.allSessions')}
              </Anchor>
            </Stack>
          </Group>
        </Card>
        <Stack gap="xs">
          <Group gap="xs">
            <Title order={3} size="h5">
              {votesTitle}
            </Title>
            <CountBadge count={section.votes.total} />
          </Group>
          <WorkList
            label={votesTitle}
            items={section.votes.items}
            total={section.votes.total}
            keyOf={(v) => `${v.sessionId}:${v.requestId}`}
            render={(v) => <VoteRow vote={v} />}
            empty={t('home.committee.votesEmpty')}
          />
        </Stack>
      </Stack>
    </SectionCard>
  );
}
