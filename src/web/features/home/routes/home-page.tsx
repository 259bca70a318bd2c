import { Badge, Card, Group, SimpleGrid, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconBell, IconListDetails, IconSettings, IconUsers } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Action } from '../../../../shared/permissions';
import { useRoleTitle } from '../../../lib/roles';
import { useCan, useMe } from '../../../lib/session';

interface QuickLink {
  to: '/users' | '/settings' | '/audit' | '/outbox';
  action: Action;
  title: string;
  description: string;
  icon: ReactNode;
}

export function HomePage() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const can = useCan();
  const roleTitle = useRoleTitle();
  if (!me) return null;
  const orgName = i18n.language === 'en' ? me.organization.nameEn : me.organization.nameAr;

  const links: QuickLink[] = [
    {
      to: '/users',
      action: 'users.list',
      title: t('nav.users'),
      description: t('home.links.users'),
      icon: <IconUsers aria-hidden />,
    },
    {
      to: '/settings',
      action: 'organization.update',
      title: t('nav.settings'),
      description: t('home.links.settings'),
      icon: <IconSettings aria-hidden />,
    },
    {
      to: '/audit',
      action: 'audit.list',
      title: t('nav.audit'),
      description: t('home.links.audit'),
      icon: <IconListDetails aria-hidden />,
    },
    {
      to: '/outbox',
      action: 'outbox.list',
      title: t('nav.outbox'),
      description: t('home.links.outbox'),
      icon: <IconBell aria-hidden />,
    },
  ];
  const allowed = links.filter((link) => can(link.action));

  return (
    <Stack gap="lg">
      <Card withBorder padding="lg" radius="md">
        <Stack gap="xs">
          <Title order={1} size="h2">
            {t('home.welcome', { name: me.user.fullName })}
          </Title>
          <Text size="lg">{orgName}</Text>
          <Group gap="xs" aria-label={t('home.yourRoles')}>
            <Text size="sm" c="dimmed">
              {t('home.yourRoles')}
            </Text>
            {me.user.roles.map((role) => (
              <Badge key={role} variant="light" size="lg">
                {roleTitle(role)}
              </Badge>
            ))}
          </Group>
        </Stack>
      </Card>

      {allowed.length > 0 && (
        <section aria-labelledby="quick-links-title">
          <Title order={2} size="h4" mb="sm" id="quick-links-title">
            {t('home.quickLinks')}
          </Title>
          <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="md">
            {allowed.map((link) => (
              <Card
                key={link.to}
                component={Link}
                to={link.to}
                withBorder
                padding="md"
                radius="md"
                className="quick-link"
              >
                <ThemeIcon variant="light" size="lg" mb="sm">
                  {link.icon}
                </ThemeIcon>
                <Text fw={600}>{link.title}</Text>
                <Text size="sm" c="dimmed">
                  {link.description}
                </Text>
              </Card>
            ))}
          </SimpleGrid>
        </section>
      )}

      <Card withBorder padding="lg" radius="md" bg="gray.0">
        <Title order={2} size="h4" mb={4}>
          {t('home.comingTitle')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('home.comingText')}
        </Text>
      </Card>
    </Stack>
  );
}
