import {
  AppShell,
  Avatar,
  Burger,
  Group,
  Menu,
  NavLink,
  ScrollArea,
  Stack,
  Text,
  UnstyledButton,
  VisuallyHidden,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { ModalsProvider } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import {
  IconBell,
  IconBook2,
  IconBooks,
  IconBriefcase,
  IconBuildingCommunity,
  IconCalendarEvent,
  IconChartBar,
  IconChartLine,
  IconChecklist,
  IconChevronDown,
  IconClipboardList,
  IconCopy,
  IconFileCertificate,
  IconFriends,
  IconGavel,
  IconHeartHandshake,
  IconHelp,
  IconHome,
  IconListDetails,
  IconLogout,
  IconMessagePlus,
  IconMessageQuestion,
  IconMessageReport,
  IconMoodSmile,
  IconScale,
  IconServer,
  IconSettings,
  IconSpeakerphone,
  IconTrendingUp,
  IconUserCheck,
  IconUsers,
  IconUsersGroup,
} from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { Link, Outlet, useNavigate, useRouterState } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { Action } from '../../shared/permissions';
import { LanguageSwitch } from '../components/language-switch';
import { signOut } from '../features/auth/api';
import { LogContactButton } from '../features/inquiries/components/log-contact';
import { errorMessage } from '../lib/api';
import { useRoleTitle } from '../lib/roles';
import { useCan, useMe } from '../lib/session';

interface NavItem {
  to:
    | '/'
    | '/users'
    | '/settings'
    | '/audit'
    | '/outbox'
    | '/beneficiaries'
    | '/beneficiaries/duplicates'
    | '/registrations'
    | '/inquiries'
    | '/knowledge'
    | '/complaints'
    | '/complaints/new'
    | '/referrals'
    | '/partners'
    | '/campaigns'
    | '/appointments'
    | '/supporters'
    | '/policies'
    | '/library'
    | '/disputes'
    | '/requests'
    | '/services'
    | '/verifications'
    | '/committee'
    | '/rules'
    | '/surveys'
    | '/surveys/results'
    | '/dashboards'
    | '/improvement-actions'
    | '/platform';
  label: string;
  icon: ReactNode;
  action?: Action;
  /** Shown only to the platform operator (a right of its own, not a role's action). */
  operator?: boolean;
}

export function AppLayout() {
  const { t, i18n } = useTranslation();
  const [opened, { toggle, close }] = useDisclosure(false);
  const me = useMe();
  const can = useCan();
  const pathname = useRouterState({ select: (s) => s.location.pathname });

  // A phone's drawer closes once a page is chosen.
  // biome-ignore lint/correctness/useExhaustiveDependencies: react to navigation only
  useEffect(() => close(), [pathname]);

  const items: NavItem[] = [
    { to: '/', label: t('nav.home'), icon: <IconHome size={20} aria-hidden /> },
    {
      to: '/beneficiaries',
      label: t('beneficiaries.nav.list'),
      icon: <IconUsersGroup size={20} aria-hidden />,
      action: 'beneficiaries.read',
    },
    {
      to: '/beneficiaries/duplicates',
      label: t('beneficiaries.nav.duplicates'),
      icon: <IconCopy size={20} aria-hidden />,
      action: 'beneficiaries.review_duplicates',
    },
    {
      to: '/registrations',
      label: t('registrations.nav'),
      icon: <IconUserCheck size={20} aria-hidden />,
      action: 'registrations.review',
    },
    {
      to: '/inquiries',
      label: t('inquiries.nav'),
      icon: <IconMessageQuestion size={20} aria-hidden />,
      action: 'inquiries.read',
    },
    {
      to: '/knowledge',
      label: t('knowledge.nav'),
      icon: <IconBook2 size={20} aria-hidden />,
      action: 'knowledge.read',
    },
    {
      to: '/requests',
      label: t('requests.nav.list'),
      icon: <IconClipboardList size={20} aria-hidden />,
      action: 'requests.read',
    },
    {
      to: '/referrals',
      label: t('referrals.nav'),
      icon: <IconHelp size={20} aria-hidden />,
      action: 'requests.read',
    },
    {
      to: '/complaints',
      label: t('complaints.nav.list'),
      icon: <IconMessageReport size={20} aria-hidden />,
      action: 'complaints.read',
    },
    {
      to: '/complaints/new',
      label: t('complaints.nav.new'),
      icon: <IconMessagePlus size={20} aria-hidden />,
      action: 'complaints.create',
    },
    {
      to: '/dashboards',
      label: t('dashboards.nav'),
      icon: <IconChartBar size={20} aria-hidden />,
      action: 'dashboards.read',
    },
    {
      to: '/surveys',
      label: t('surveys.nav'),
      icon: <IconMoodSmile size={20} aria-hidden />,
      action: 'surveys.read',
    },
    {
      to: '/surveys/results',
      label: t(can('surveys.results_all') ? 'surveys.results.nav' : 'surveys.results.ownNav'),
      icon: <IconChartLine size={20} aria-hidden />,
      action: 'surveys.results',
    },
    {
      to: '/improvement-actions',
      label: t('improvements.nav'),
      icon: <IconTrendingUp size={20} aria-hidden />,
      action: 'improvements.read',
    },
    {
      to: '/appointments',
      label: t('appointments.nav'),
      icon: <IconCalendarEvent size={20} aria-hidden />,
      action: 'appointments.read',
    },
    {
      to: '/campaigns',
      label: t('campaigns.nav'),
      icon: <IconSpeakerphone size={20} aria-hidden />,
      action: 'campaigns.read',
    },
    {
      to: '/supporters',
      label: t('supporters.nav'),
      icon: <IconHeartHandshake size={20} aria-hidden />,
      action: 'supporters.read',
    },
    {
      to: '/policies',
      label: t('policies.nav'),
      icon: <IconFileCertificate size={20} aria-hidden />,
      action: 'policies.read',
    },
    {
      to: '/library',
      label: t('library.nav'),
      icon: <IconBooks size={20} aria-hidden />,
      action: 'policies.read',
    },
    {
      to: '/disputes',
      label: t('disputes.nav'),
      icon: <IconFriends size={20} aria-hidden />,
      action: 'disputes.read',
    },
    {
      to: '/partners',
      label: t('partners.nav'),
      icon: <IconBuildingCommunity size={20} aria-hidden />,
      action: 'partners.manage',
    },
    {
      to: '/services',
      label: t('services.nav.list'),
      icon: <IconBriefcase size={20} aria-hidden />,
      action: 'services.read',
    },
    {
      to: '/verifications',
      label: t('verification.nav.tasks'),
      icon: <IconChecklist size={20} aria-hidden />,
      action: 'verification.work',
    },
    {
      to: '/committee',
      label: t('committee.nav.list'),
      icon: <IconGavel size={20} aria-hidden />,
      action: 'committee.read',
    },
    {
      to: '/rules',
      label: t('verification.nav.rules'),
      icon: <IconScale size={20} aria-hidden />,
      action: 'rules.manage',
    },
    { to: '/users', label: t('nav.users'), icon: <IconUsers size={20} aria-hidden />, action: 'users.list' },
    {
      to: '/settings',
      label: t('nav.settings'),
      icon: <IconSettings size={20} aria-hidden />,
      action: 'organization.update',
    },
    {
      to: '/audit',
      label: t('nav.audit'),
      icon: <IconListDetails size={20} aria-hidden />,
      action: 'audit.list',
    },
    {
      to: '/outbox',
      label: t('nav.outbox'),
      icon: <IconBell size={20} aria-hidden />,
      action: 'outbox.list',
    },
    {
      to: '/platform',
      label: t('platform.nav'),
      icon: <IconServer size={20} aria-hidden />,
      operator: true,
    },
  ];
  const visible = items.filter(
    (item) => (!item.action || can(item.action)) && (!item.operator || me?.user.platformOperator === true),
  );
  // The longest matching address wins, so /beneficiaries/duplicates does not also light /beneficiaries.
  const activeTo = visible
    .filter((item) => (item.to === '/' ? pathname === '/' : pathname.startsWith(item.to)))
    .sort((a, b) => b.to.length - a.to.length)[0]?.to;
  const orgName = me ? (i18n.language === 'en' ? me.organization.nameEn : me.organization.nameAr) : '';

  // Dialogs opened with @mantine/modals are the signed-in pages' alone: their provider is here, not in
  // the first download (app.tsx, decision 026).
  return (
    <ModalsProvider>
      <AppShell
        header={{ height: 60 }}
        navbar={{ width: 260, breakpoint: 'sm', collapsed: { mobile: !opened } }}
        padding={{ base: 'sm', sm: 'lg' }}
      >
        {/* The first stop of the Tab key: past the header and the navigation, straight to the page. */}
        <a href="#main-content" className="skip-link">
          {t('nav.skip')}
        </a>
        <AppShell.Header>
          <Group h="100%" px="sm" justify="space-between" wrap="nowrap" gap="xs">
            <Group gap="xs" wrap="nowrap" style={{ minWidth: 0 }}>
              <Burger
                opened={opened}
                onClick={toggle}
                hiddenFrom="sm"
                size="sm"
                aria-label={opened ? t('nav.close') : t('nav.open')}
              />
              {/* Named by what it shows (label in name); "home" is said without being seen. */}
              <Link to="/" className="brand-link">
                <Group gap="xs" wrap="nowrap" style={{ minWidth: 0 }}>
                  <VisuallyHidden>{t('nav.home')}</VisuallyHidden>
                  <Avatar
                    src={me?.organization.logo ?? undefined}
                    radius="sm"
                    size={36}
                    color="teal"
                    alt=""
                    aria-hidden
                  >
                    {t('app.initial')}
                  </Avatar>
                  <Stack gap={0} style={{ minWidth: 0 }}>
                    <Text fw={700} size="sm" lh={1.2}>
                      {t('app.name')}
                    </Text>
                    <Text size="xs" c="dimmed" truncate="end" maw={{ base: 120, xs: 220, sm: 360 }}>
                      {orgName}
                    </Text>
                  </Stack>
                </Group>
              </Link>
            </Group>
            <Group gap={4} wrap="nowrap">
              <LogContactButton />
              <LanguageSwitch compact />
              <UserMenu />
            </Group>
          </Group>
        </AppShell.Header>

        {/* The navbar is the one navigation landmark; its list needs no second <nav>. */}
        <AppShell.Navbar p="sm" aria-label={t('nav.label')}>
          <AppShell.Section grow component={ScrollArea}>
            <div>
              {visible.map((item) => (
                <NavLink
                  key={item.to}
                  component={Link}
                  to={item.to}
                  label={item.label}
                  leftSection={item.icon}
                  active={item.to === activeTo}
                  // The router marks every ancestor address as current; the longest match alone is.
                  activeOptions={{ exact: true, includeSearch: false }}
                  aria-current={item.to === activeTo ? 'page' : undefined}
                />
              ))}
            </div>
          </AppShell.Section>
        </AppShell.Navbar>

        <AppShell.Main id="main-content" tabIndex={-1}>
          <div className="page-container">
            <Outlet />
          </div>
        </AppShell.Main>
      </AppShell>
    </ModalsProvider>
  );
}

function UserMenu() {
  const { t } = useTranslation();
  const me = useMe();
  const roleTitle = useRoleTitle();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  if (!me) return null;

  const onSignOut = async () => {
    try {
      await signOut();
    } catch (error) {
      notifications.show({ color: 'red', message: errorMessage(error) });
      return;
    }
    queryClient.clear();
    await navigate({ to: '/sign-in' });
  };

  return (
    <Menu position="bottom-end" width={240} withinPortal>
      <Menu.Target>
        <UnstyledButton
          className="user-menu-button"
          aria-label={t('userMenu.open', { name: me.user.fullName })}
        >
          <Group gap={6} wrap="nowrap">
            {/* No initials: the button's name must contain all the text it shows (label in name). */}
            <Avatar radius="xl" size={32} color="teal" alt="" aria-hidden />
            <Text size="sm" visibleFrom="sm" truncate="end" maw={160}>
              {me.user.fullName}
            </Text>
            <IconChevronDown size={14} aria-hidden />
          </Group>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>
          <Text size="sm" fw={600} c="var(--mantine-color-text)">
            {me.user.fullName}
          </Text>
          <Text size="xs">{me.user.email}</Text>
          <Text size="xs">{me.user.roles.map(roleTitle).join(t('common.listSeparator'))}</Text>
        </Menu.Label>
        <Menu.Divider />
        <Menu.Item leftSection={<IconLogout size={16} aria-hidden />} onClick={() => void onSignOut()}>
          {t('userMenu.signOut')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
