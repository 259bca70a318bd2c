import { Anchor, Card, Group, SimpleGrid, Stack, Text, ThemeIcon, VisuallyHidden } from '@mantine/core';
import {
  IconBell,
  IconBriefcase,
  IconChevronLeft,
  IconChevronRight,
  IconCircleCheck,
  IconCircleDashed,
  IconClipboardList,
  IconGavel,
  IconListDetails,
  IconSettings,
  IconUsers,
  IconUsersGroup,
} from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Action } from '../../../../shared/permissions';
import { useNumberFormat } from '../../../lib/numbers';
import { useOrgLists } from '../../../lib/org-lists';
import { useCan } from '../../../lib/session';
import type { SectionOf } from '../api';
import { SectionCard } from './work-list';

interface Stat {
  key: string;
  label: string;
  value: string;
  detail?: string;
  to?: string;
  search?: Record<string, string | boolean>;
  alert?: boolean;
}

/** A number and what it counts; a link to the list it counts when there is one. */
function StatCard({ stat }: { stat: Stat }) {
  const { i18n } = useTranslation();
  const Chevron = i18n.language === 'en' ? IconChevronRight : IconChevronLeft;
  const body = (
    <Stack gap={2}>
      <Group gap={4} justify="space-between" wrap="nowrap" align="flex-start">
        <Text size="sm">{stat.label}</Text>
        {stat.to && <Chevron size={16} aria-hidden style={{ flexShrink: 0 }} />}
      </Group>
      <Text fw={700} fz={28} lh={1.2} c={stat.alert ? 'red.9' : undefined}>
        {stat.value}
      </Text>
      {stat.detail && (
        <Text size="xs" c="gray.7">
          {stat.detail}
        </Text>
      )}
    </Stack>
  );
  if (!stat.to) {
    return (
      <Card withBorder padding="sm" radius="md" component="li">
        {body}
      </Card>
    );
  }
  return (
    <Card withBorder padding="sm" radius="md" component="li">
      <Anchor
        component={Link}
        to={stat.to as never}
        search={stat.search as never}
        underline="never"
        c="inherit"
        className="home-stat-link"
      >
        {body}
      </Anchor>
    </Card>
  );
}

/** The manager's numbers: where the open requests are, what is late, how decisions keep their promise. */
export function NumbersSection({ section }: { section: SectionOf<'numbers'> }) {
  const { t } = useTranslation();
  const can = useCan();
  const format = useNumberFormat();
  const { decisionBodyName } = useOrgLists();
  const body = decisionBodyName || t('requests.decisionBodyFallback');
  const share =
    section.decidedThisMonth > 0 ? section.decidedOnTimeThisMonth / section.decidedThisMonth : null;
  const stages = ['review', 'verification', 'committee', 'delivery'] as const;
  const stats: Stat[] = [
    ...stages.map((stage) => ({
      key: stage,
      label: t(`requests.queues.${stage}`, { body }),
      value: format.number(section.openByStage[stage]),
      to: '/requests',
      search: { queue: stage },
    })),
    {
      key: 'overdue',
      label: t('home.numbers.overdue'),
      value: format.number(section.overdue),
      detail: t('home.numbers.ofOpen', { count: section.open }),
      to: '/requests',
      search: { queue: 'all', overdue: true },
      alert: section.overdue > 0,
    },
    {
      key: 'onTime',
      label: t('home.numbers.onTime'),
      value: share === null ? '—' : format.percent(share, { maximumFractionDigits: 0 }),
      // The promise, period by period and service by service, is the dashboard's first figure.
      to: can('dashboards.read') ? '/dashboards' : undefined,
      detail:
        share === null
          ? t('home.numbers.noDecisions')
          : t('home.numbers.onTimeDetail', {
              onTime: section.decidedOnTimeThisMonth,
              count: section.decidedThisMonth,
            }),
    },
    {
      key: 'newBeneficiaries',
      label: t('home.numbers.newBeneficiaries'),
      value: format.number(section.newBeneficiariesThisMonth),
    },
    {
      key: 'escalatedComplaints',
      label: t('complaints.homeEscalated'),
      value: format.number(section.escalatedComplaints),
      to: '/complaints',
      alert: section.escalatedComplaints > 0,
    },
  ];
  return (
    <SectionCard
      title={t('home.numbers.title')}
      staffRole={section.role}
      description={t('home.numbers.description')}
    >
      <SimpleGrid
        cols={{ base: 2, sm: 3, lg: 4 }}
        spacing="sm"
        component="ul"
        p={0}
        m={0}
        style={{ listStyle: 'none' }}
        aria-label={t('home.numbers.title')}
      >
        {stats.map((stat) => (
          <StatCard key={stat.key} stat={stat} />
        ))}
      </SimpleGrid>
    </SectionCard>
  );
}

interface QuickLink {
  to: string;
  action: Action;
  title: string;
  description: string;
  icon: ReactNode;
}

function useQuickLinks() {
  const { t } = useTranslation();
  const all: Record<string, QuickLink> = {
    users: {
      to: '/users',
      action: 'users.list',
      title: t('nav.users'),
      description: t('home.links.users'),
      icon: <IconUsers aria-hidden />,
    },
    settings: {
      to: '/settings',
      action: 'organization.update',
      title: t('nav.settings'),
      description: t('home.links.settings'),
      icon: <IconSettings aria-hidden />,
    },
    services: {
      to: '/services',
      action: 'services.manage',
      title: t('services.nav.list'),
      description: t('home.links.services'),
      icon: <IconBriefcase aria-hidden />,
    },
    audit: {
      to: '/audit',
      action: 'audit.list',
      title: t('nav.audit'),
      description: t('home.links.audit'),
      icon: <IconListDetails aria-hidden />,
    },
    outbox: {
      to: '/outbox',
      action: 'outbox.list',
      title: t('nav.outbox'),
      description: t('home.links.outbox'),
      icon: <IconBell aria-hidden />,
    },
    beneficiaries: {
      to: '/beneficiaries',
      action: 'beneficiaries.read',
      title: t('beneficiaries.nav.list'),
      description: t('home.links.beneficiaries'),
      icon: <IconUsersGroup aria-hidden />,
    },
    requests: {
      to: '/requests',
      action: 'requests.read',
      title: t('requests.nav.list'),
      description: t('home.links.requests'),
      icon: <IconClipboardList aria-hidden />,
    },
    committee: {
      to: '/committee',
      action: 'committee.read',
      title: t('committee.nav.list'),
      description: t('home.links.committee'),
      icon: <IconGavel aria-hidden />,
    },
  };
  return all;
}

function QuickLinks({ keys }: { keys: string[] }) {
  const { t } = useTranslation();
  const can = useCan();
  const all = useQuickLinks();
  const links = keys
    .map((k) => all[k]!)
    .filter((link) => can(link.action))
    // Who may only read the staff list is not told they can add staff.
    .map((link) =>
      link.to === '/users' && !can('users.create')
        ? { ...link, description: t('home.links.usersRead') }
        : link,
    );
  if (links.length === 0) return null;
  return (
    <SimpleGrid
      cols={{ base: 1, xs: 2, md: 3 }}
      spacing="sm"
      component="ul"
      p={0}
      m={0}
      style={{ listStyle: 'none' }}
      aria-label={t('home.quickLinks')}
    >
      {links.map((link) => (
        <li key={link.to}>
          <Card
            component={Link}
            to={link.to as never}
            withBorder
            padding="sm"
            radius="md"
            className="quick-link"
            h="100%"
          >
            <Group gap="sm" wrap="nowrap" align="flex-start">
              <ThemeIcon variant="light" size="lg">
                {link.icon}
              </ThemeIcon>
              <Stack gap={2} style={{ minWidth: 0 }}>
                <Text fw={600}>{link.title}</Text>
                <Text size="sm" c="gray.7">
                  {link.description}
                </Text>
              </Stack>
            </Group>
          </Card>
        </li>
      ))}
    </SimpleGrid>
  );
}

/** The admin's checklist of what a new association needs before staff can work, and the setup pages. */
export function SetupSection({ section }: { section: SectionOf<'setup'> }) {
  const { t } = useTranslation();
  const steps = [
    {
      key: 'staff',
      done: section.staff > 0,
      text:
        section.staff > 0 ? t('home.setup.staffDone', { count: section.staff }) : t('home.setup.staffTodo'),
      to: '/users',
    },
    {
      key: 'services',
      done: section.services > 0,
      text:
        section.services > 0
          ? t('home.setup.servicesDone', { count: section.services })
          : t('home.setup.servicesTodo'),
      to: '/services',
    },
    {
      key: 'rules',
      done: section.services > 0 && section.servicesWithRules === section.services,
      text: t('home.setup.rules', { count: section.services, done: section.servicesWithRules }),
      to: '/rules',
    },
  ];
  return (
    <SectionCard
      title={t('home.setup.title')}
      staffRole={section.role}
      description={t('home.setup.description')}
    >
      <Stack gap="md">
        <Stack
          gap="xs"
          component="ul"
          p={0}
          m={0}
          style={{ listStyle: 'none' }}
          aria-label={t('home.setup.title')}
        >
          {steps.map((step) => (
            <Group key={step.key} gap="xs" wrap="nowrap" component="li" align="flex-start">
              {step.done ? (
                <IconCircleCheck
                  size={20}
                  color="var(--mantine-color-teal-8)"
                  aria-hidden
                  style={{ flexShrink: 0 }}
                />
              ) : (
                <IconCircleDashed
                  size={20}
                  color="var(--mantine-color-orange-9)"
                  aria-hidden
                  style={{ flexShrink: 0 }}
                />
              )}
              <VisuallyHidden>{step.done ? t('home.setup.done') : t('home.setup.todo')}</VisuallyHidden>
              <Anchor component={Link} to={step.to as never} size="sm">
                {step.text}
              </Anchor>
            </Group>
          ))}
        </Stack>
        <QuickLinks keys={['users', 'settings', 'services', 'audit', 'outbox']} />
      </Stack>
    </SectionCard>
  );
}

/** Roles whose own lists are not built yet: an honest sentence of what they can do, and where. */
export function GuideSection({ section }: { section: SectionOf<'guide'> }) {
  const { t } = useTranslation();
  const keys =
    section.role === 'auditor'
      ? ['audit', 'outbox', 'users', 'beneficiaries', 'requests', 'committee']
      : ['beneficiaries', 'requests'];
  return (
    <SectionCard title={t(`home.guide.${section.role}.title`)} staffRole={section.role}>
      <Stack gap="md">
        <Text size="sm">{t(`home.guide.${section.role}.text`)}</Text>
        <QuickLinks keys={keys} />
      </Stack>
    </SectionCard>
  );
}
