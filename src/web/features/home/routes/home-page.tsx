import { Badge, Card, Group, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { WorkspaceSection } from '../../../../shared/contracts/workspace';
import { ErrorAlert } from '../../../components/error-alert';
import { useRoleTitle } from '../../../lib/roles';
import { useMe } from '../../../lib/session';
import { workspaceHomeQuery } from '../api';
import { CounterSection } from '../components/counter-section';
import { GuideSection, NumbersSection, SetupSection } from '../components/overview-sections';
import {
  CommitteeSection,
  ReferralsSection,
  RequestsSection,
  TasksSection,
} from '../components/work-sections';
import '../home.css';

/**
 * Each staff member's home is their work: the server sends the sections of every role they hold, most
 * urgent first (`GET /workspace/home`); this page lays them out. The counter's search works before the
 * sections arrive, so a clerk can look someone up at once.
 */
export function HomePage() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const roleTitle = useRoleTitle();
  const home = useQuery(workspaceHomeQuery);
  if (!me) return null;
  const orgName = i18n.language === 'en' ? me.organization.nameEn : me.organization.nameAr;
  const isClerk = me.user.roles.includes('relations_officer');
  const sections = home.data?.sections ?? [];
  const counter = sections.find((s) => s.kind === 'counter');
  const rest = sections.filter((s) => s.kind !== 'counter');

  return (
    <Stack gap="lg" className="home-page">
      <Stack gap={4}>
        <Title order={1} size="h2">
          {t('home.welcome', { name: me.user.fullName })}
        </Title>
        <Text size="sm">{orgName}</Text>
        <Group gap="xs" wrap="wrap">
          <Text size="sm" c="gray.7" id="home-roles-label">
            {t('home.yourRoles')}
          </Text>
          <Group gap={4} role="list" aria-labelledby="home-roles-label">
            {me.user.roles.map((role) => (
              <Badge key={role} variant="default" role="listitem">
                {roleTitle(role)}
              </Badge>
            ))}
          </Group>
        </Group>
      </Stack>

      {isClerk && <CounterSection section={counter?.kind === 'counter' ? counter : undefined} />}

      {home.isPending ? (
        <SectionsSkeleton count={isClerk ? 1 : 2} />
      ) : home.isError ? (
        <ErrorAlert error={home.error} onRetry={() => void home.refetch()} />
      ) : (
        <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg" verticalSpacing="lg">
          {rest.map((section, i) => (
            <div key={section.kind} className={fullRow(rest, i) ? 'home-wide' : undefined}>
              <Section section={section} />
            </div>
          ))}
        </SimpleGrid>
      )}
    </Stack>
  );
}

/** Numbers, checklists and guides read better across the page. */
const wide = (s: WorkspaceSection) => s.kind === 'numbers' || s.kind === 'setup' || s.kind === 'guide';

/** Whether section `i` takes a whole row of the two-column grid: a wide one, or one left alone in its row. */
function fullRow(sections: WorkspaceSection[], i: number): boolean {
  if (wide(sections[i]!)) return true;
  let column = 0; // sections placed in the current row before this one
  for (let j = 0; j < i; j++) column = wide(sections[j]!) ? 0 : (column + 1) % 2;
  const next = sections[i + 1];
  return column === 0 && (!next || wide(next));
}

function Section({ section }: { section: WorkspaceSection }) {
  switch (section.kind) {
    case 'counter':
      return null; // shown above the others
    case 'my_requests':
    case 'overdue_requests':
    case 'delivery':
      return <RequestsSection section={section} />;
    case 'referrals':
      return <ReferralsSection section={section} />;
    case 'verification_tasks':
      return <TasksSection section={section} />;
    case 'committee':
      return <CommitteeSection section={section} />;
    case 'numbers':
      return <NumbersSection section={section} />;
    case 'setup':
      return <SetupSection section={section} />;
    case 'guide':
      return <GuideSection section={section} />;
  }
}

function SectionsSkeleton({ count }: { count: number }) {
  const { t } = useTranslation();
  return (
    <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg" role="status" aria-label={t('common.loading')}>
      {Array.from({ length: count }, (_, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: placeholders have no identity
        <Card key={i} withBorder padding="md" radius="md">
          <Skeleton height={22} width="50%" mb="md" />
          <Stack gap="sm">
            <Skeleton height={48} radius="sm" />
            <Skeleton height={48} radius="sm" />
            <Skeleton height={48} radius="sm" />
          </Stack>
        </Card>
      ))}
    </SimpleGrid>
  );
}
