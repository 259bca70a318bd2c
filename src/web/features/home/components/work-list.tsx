import { Anchor, Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { IconAlarm, IconChevronLeft, IconChevronRight, IconCircleCheck } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import { type ReactNode, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { homeListSize } from '../../../../shared/contracts/workspace';
import { useNumberFormat } from '../../../lib/numbers';
import { useRoleTitle } from '../../../lib/roles';
import { useMe } from '../../../lib/session';

/** Where a list's "see all" leads: the full list behind it. */
export interface SeeAll {
  to: string;
  search?: Record<string, string | boolean>;
  label: string;
}

interface SectionCardProps {
  title: string;
  /** The role whose work this is, named when the user holds several. */
  staffRole: string;
  description?: string;
  /** Shown beside the title (a count). */
  badge?: ReactNode;
  children: ReactNode;
}

/** One section of the home page: a titled region of the page. */
export function SectionCard({ title, staffRole, description, badge, children }: SectionCardProps) {
  const id = useId();
  const me = useMe();
  const roleTitle = useRoleTitle();
  const several = (me?.user.roles.length ?? 0) > 1;
  return (
    <Card withBorder padding="md" radius="md" component="section" aria-labelledby={id}>
      <Stack gap={4} mb="sm">
        <Group gap="xs" wrap="wrap">
          <Title order={2} size="h4" id={id}>
            {title}
          </Title>
          {badge}
        </Group>
        {several && (
          <Text size="xs" c="gray.7">
            {roleTitle(staffRole)}
          </Text>
        )}
        {description && (
          <Text size="sm" c="gray.7">
            {description}
          </Text>
        )}
      </Stack>
      {children}
    </Card>
  );
}

/** A count beside a section's title, and how many of them are late (in words, not colour alone). */
export function CountBadge({ count, urgent = 0 }: { count: number; urgent?: number }) {
  const { t } = useTranslation();
  const format = useNumberFormat();
  return (
    <Group gap={4}>
      <Badge variant="default" size="lg">
        {format.number(count)}
      </Badge>
      {urgent > 0 && (
        <Badge color="red.8" variant="filled" size="lg" leftSection={<IconAlarm size={14} aria-hidden />}>
          {t('home.late', { count: urgent })}
        </Badge>
      )}
    </Group>
  );
}

export function OverdueMark() {
  const { t } = useTranslation();
  return (
    <Badge color="red.8" variant="filled" size="sm" leftSection={<IconAlarm size={12} aria-hidden />}>
      {t('home.overdue')}
    </Badge>
  );
}

/** What an empty list means, in words, with a calm check mark. */
export function EmptyNote({ children }: { children: ReactNode }) {
  return (
    <Group gap="xs" wrap="nowrap" py="xs" align="flex-start">
      <IconCircleCheck size={20} aria-hidden color="var(--mantine-color-teal-8)" style={{ flexShrink: 0 }} />
      <Text size="sm">{children}</Text>
    </Group>
  );
}

interface WorkListProps<T> {
  label: string;
  items: T[];
  total: number;
  keyOf: (item: T) => string;
  render: (item: T) => ReactNode;
  empty: string;
  seeAll?: SeeAll;
}

/**
 * At most a few items, each a link to its page. With a full list elsewhere, "see all" leads there;
 * without one, the rest (as many as the server sent) opens in place.
 */
export function WorkList<T>({ label, items, total, keyOf, render, empty, seeAll }: WorkListProps<T>) {
  const { t, i18n } = useTranslation();
  const [expanded, setExpanded] = useState(false);
  const Chevron = i18n.language === 'en' ? IconChevronRight : IconChevronLeft;
  if (total === 0) return <EmptyNote>{empty}</EmptyNote>;
  const shown = expanded ? items : items.slice(0, homeListSize);
  const more = !seeAll && items.length > homeListSize;
  return (
    <Stack gap="xs">
      <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-label={label}>
        {shown.map((item) => (
          <li key={keyOf(item)}>{render(item)}</li>
        ))}
      </Stack>
      {(seeAll || more || total > items.length) && (
        <Group gap="sm" justify="flex-end">
          {!seeAll && total > items.length && expanded && (
            <Text size="sm" c="gray.7">
              {t('home.shownOf', { shown: items.length, count: total })}
            </Text>
          )}
          {more && (
            <Button variant="subtle" size="compact-sm" onClick={() => setExpanded((v) => !v)}>
              {expanded ? t('home.showFewer') : t('home.showAll', { count: items.length })}
            </Button>
          )}
          {seeAll && (
            <Anchor
              component={Link}
              to={seeAll.to as never}
              search={seeAll.search as never}
              size="sm"
              fw={600}
            >
              <Group gap={2} wrap="nowrap" component="span">
                {seeAll.label}
                <Chevron size={16} aria-hidden />
              </Group>
            </Anchor>
          )}
        </Group>
      )}
    </Stack>
  );
}

/** One row of a list: the link to the item first, then what it is about. */
export function ItemRow({
  to,
  search,
  title,
  children,
  late,
}: {
  to: string;
  search?: Record<string, string>;
  title: ReactNode;
  children?: ReactNode;
  late?: boolean;
}) {
  return (
    <Card withBorder padding="sm" radius="sm" className="home-item" data-late={late ? 'true' : undefined}>
      <Stack gap={2}>
        <Group justify="space-between" wrap="nowrap" gap="xs" align="flex-start">
          <Anchor
            component={Link}
            to={to as never}
            search={search as never}
            fw={600}
            className="home-item-link"
          >
            {title}
          </Anchor>
          {late && <OverdueMark />}
        </Group>
        {children}
      </Stack>
    </Card>
  );
}
