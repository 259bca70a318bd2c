import { Group, Skeleton, Stack } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * The frame every loading state shares: announced once to screen readers ("loading"), hidden blocks
 * inside. Shown at once while a page's code or data loads, so a click always answers (decision 013).
 */
export function SkeletonFrame({ children, testId }: { children: ReactNode; testId?: string }) {
  const { t } = useTranslation();
  return (
    <Stack
      gap="md"
      mt="xs"
      role="status"
      aria-busy="true"
      aria-label={t('common.loading')}
      data-testid={testId}
    >
      {children}
    </Stack>
  );
}

/** Any page: a title, its description, and rows of content. The router shows it while a page loads. */
export function PageSkeleton({ rows = 5 }: { rows?: number }) {
  return (
    <SkeletonFrame testId="page-skeleton">
      <Group justify="space-between" wrap="nowrap">
        <Skeleton height={30} width="min(18rem, 60%)" radius="sm" />
        <Skeleton height={36} width="7rem" radius="sm" visibleFrom="sm" />
      </Group>
      <Skeleton height={14} width="min(30rem, 85%)" radius="sm" />
      <Stack gap="sm" mt="sm">
        {Array.from({ length: rows }, (_, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: placeholders have no identity
          <Skeleton key={i} height={56} radius="sm" />
        ))}
      </Stack>
    </SkeletonFrame>
  );
}
