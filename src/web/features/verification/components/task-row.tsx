import { Anchor, Badge, Button, Card, Group, Stack, Text } from '@mantine/core';
import { IconChevronLeft, IconChevronRight, IconMapPin, IconPhone, IconUserCheck } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { formatSaudiMobileLocal } from '../../../../shared/saudi/phone';
import { DualDate } from '../../../lib/dates';
import type { VerificationTask, WorkTask } from '../api';
import { taskStatusColor } from '../labels';

interface TaskRowProps {
  /** A work-list task names its request and person; a request's own task list does not need to. */
  task: VerificationTask & Partial<Pick<WorkTask, 'request' | 'beneficiary'>>;
  onTake?: () => void;
  taking?: boolean;
}

/**
 * One verification task as a touch-sized card: what it is and its state, who it is about and where
 * (with the phone on one's own tasks), when it is due or booked, and a way in.
 */
export function TaskRow({ task, onTake, taking }: TaskRowProps) {
  const { t, i18n } = useTranslation();
  const Chevron = i18n.language === 'en' ? IconChevronRight : IconChevronLeft;
  const name = t(`verification.mechanisms.${task.mechanism}`);
  const person = task.beneficiary;
  const place = person ? [person.district, person.city].filter(Boolean).join(t('common.listSeparator')) : '';
  const serviceName = task.request
    ? i18n.language === 'en'
      ? task.request.serviceNameEn
      : task.request.serviceNameAr
    : '';
  const named = (key: 'openNamed' | 'takeNamed') =>
    person ? t(`verification.tasks.${key}`, { task: name, name: person.fullNameAr }) : undefined;
  return (
    <Card withBorder padding="sm" radius="md" component="li" data-testid="task-card">
      <Stack gap={6}>
        <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
          <Text fw={700}>{name}</Text>
          <Badge size="sm" variant="light" color={taskStatusColor[task.status]}>
            {t(`verification.taskStatus.${task.status}`)}
          </Badge>
        </Group>
        {person && (
          <Stack gap={2}>
            <Text fw={600}>{person.fullNameAr}</Text>
            <Group gap={6} wrap="nowrap" align="flex-start">
              <IconMapPin size={16} aria-hidden style={{ flexShrink: 0, marginBlockStart: 2 }} />
              <Text size="sm">
                <span className="wasl-visually-hidden">{t('verification.tasks.place')}: </span>
                {person.district ? place : `${person.city} (${t('verification.tasks.noDistrict')})`}
              </Text>
            </Group>
            {person.phone && (
              <Group gap={6} wrap="nowrap">
                <IconPhone size={16} aria-hidden style={{ flexShrink: 0 }} />
                <Anchor
                  href={`tel:${person.phone}`}
                  size="sm"
                  aria-label={t('verification.tasks.call', {
                    name: person.fullNameAr,
                    phone: formatSaudiMobileLocal(person.phone),
                  })}
                >
                  <bdi dir="ltr">{formatSaudiMobileLocal(person.phone)}</bdi>
                </Anchor>
              </Group>
            )}
          </Stack>
        )}
        {task.request && (
          <Text size="xs" c="gray.7">
            {serviceName} · {t('verification.tasks.request')} <bdi>{task.request.number}</bdi>
          </Text>
        )}
        {!person && task.status !== 'done' && (
          <Text size="xs" c="gray.7">
            {task.assigneeName
              ? t('requests.verification.assignedTo', { name: task.assigneeName })
              : t('requests.verification.unassigned')}
          </Text>
        )}
        {(task.scheduledAt || (task.dueOn && task.status !== 'done')) && (
          <Group gap="lg" align="flex-start">
            {task.scheduledAt && (
              <Stack gap={0}>
                <Text size="xs" c="gray.7">
                  {t('verification.tasks.scheduledAt')}
                </Text>
                <DualDate value={task.scheduledAt} withTime size="xs" />
              </Stack>
            )}
            {task.dueOn && task.status !== 'done' && (
              <Stack gap={0}>
                <Text size="xs" c="gray.7">
                  {t('verification.tasks.dueOn')}
                </Text>
                <DualDate value={`${task.dueOn}T12:00:00Z`} size="xs" />
              </Stack>
            )}
          </Group>
        )}
        {task.location && (
          <Text size="xs" c="gray.7">
            {t('verification.task.location')}: {task.location}
          </Text>
        )}
        <Group gap={6} justify="flex-end" mt={2}>
          {onTake && (
            <Button
              variant="default"
              size="xs"
              onClick={onTake}
              loading={taking}
              leftSection={<IconUserCheck size={16} aria-hidden />}
              aria-label={named('takeNamed') ?? t('verification.tasks.take')}
            >
              {t('verification.tasks.take')}
            </Button>
          )}
          <Button
            component={Link}
            to={`/verifications/${task.id}`}
            search={{ requestId: task.requestId } as never}
            size="xs"
            rightSection={<Chevron size={16} aria-hidden />}
            // The name a screen reader hears starts with the word on the button (WCAG 2.5.3).
            aria-label={
              task.status === 'done'
                ? `${t('verification.tasks.view')}: ${person ? `${name} — ${person.fullNameAr}` : name}`
                : (named('openNamed') ?? t('verification.tasks.openTask', { task: name }))
            }
          >
            {task.status === 'done' ? t('verification.tasks.view') : t('verification.tasks.open')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
