import { EmptyState } from '@mantine/core';
import { IconInbox } from '@tabler/icons-react';
import type { ReactNode } from 'react';

interface EmptyBlockProps {
  title: string;
  description?: string;
  action?: ReactNode;
}

export function EmptyBlock({ title, description, action }: EmptyBlockProps) {
  return (
    <EmptyState
      py="xl"
      withIndicatorBackground
      icon={<IconInbox aria-hidden />}
      title={title}
      description={description}
    >
      {action && <EmptyState.Actions>{action}</EmptyState.Actions>}
    </EmptyState>
  );
}
