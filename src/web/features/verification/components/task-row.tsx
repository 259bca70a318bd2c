import { Badge, Button, Card, Group, Stack, Text } from '@mantine/core';
import { IconChevronLeft, IconChevronRight, IconUserCheck } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { DualDate } from '../../../lib/dates';
import type { VerificationTask } from '../api';
import { taskStatusColor } from '../labels';

interface TaskRowProps {
  task: VerificationTask;
  onTake?: () => void;
  taking?: boolean;
}

/** One verification task as a touch-sized card: what it is, its state and when, and a way in. */
export function TaskRow({ task, onTake, taking }: TaskRowProps) {
  const { t, i18n } = useTranslation();
  const Chevron = i18n.language === 'en' ? IconChevronRight : IconChevronLeft;
  const name = t(`verification.mechanisms.${task.mechanism}`);
  return (
    <Card withBorder padding="sm" radius="md" component="li">
      <Group justify="space-between" wrap="nowrap" align="center" gap="xs">
        <Stack gap={2} style={{ minWidth: 0 }}>
          <Group gap="xs">
            <Text fw={600}>{name}</Text>
            <Badge size="sm" variant="light" color={taskStatusColor[task.status]}>
              {t(`verification.taskStatus.${task.status}`)}
            </Badge>
          </Group>
          {task.scheduledAt && <DualDate value={task.scheduledAt} withTime size="xs" />}
          {task.location && (
            <Text size="xs" c="dimmed">
              {task.location}
            </Text>
          )}
        </Stack>
        <Group gap={6} wrap="nowrap">
          {onTake && (
            <Button
              variant="default"
              size="xs"
              onClick={onTake}
              loading={taking}
              leftSection={<IconUserCheck size={16} aria-hidden />}
              aria-label={t('verification.tasks.takeNamed', { task: name })}
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
            aria-label={t('verification.tasks.openNamed', { task: name })}
          >
            {task.status === 'done' ? t('verification.tasks.view') : t('verification.tasks.open')}
          </Button>
        </Group>
      </Group>
    </Card>
  );
}
