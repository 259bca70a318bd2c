import { Card, Grid, Group, Skeleton, Stack } from '@mantine/core';
import { SkeletonFrame } from '../../../components/page-skeleton';

const metaGrid = {
  display: 'grid',
  gridTemplateColumns: 'repeat(auto-fit, minmax(11rem, 1fr))',
  gap: 'var(--mantine-spacing-sm)',
} as const;

function SectionSkeleton({ lines, height = 14 }: { lines: number; height?: number }) {
  return (
    <Card withBorder padding="md">
      <Skeleton height={18} width="35%" radius="sm" mb="md" />
      <Stack gap="xs">
        {Array.from({ length: lines }, (_, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: placeholders have no identity
          <Skeleton key={i} height={height} width={i % 2 ? '70%' : '90%'} radius="sm" />
        ))}
      </Stack>
    </Card>
  );
}

/**
 * The request page's shape while its code or data loads: title and status, the facts card, the side
 * column (decision date, actions) and the sections (verification, history, referrals), in the same
 * grid as the page, so nothing jumps when the data arrives.
 */
export function RequestPageSkeleton() {
  return (
    <SkeletonFrame testId="request-page-skeleton">
      <Group gap="sm" align="center">
        <Skeleton height={30} width="14rem" radius="sm" />
        <Skeleton height={26} width="6rem" radius="xl" />
      </Group>
      <Card withBorder padding="md">
        {/* The facts card's grid (requests.css .wasl-request-meta), inline: this shows before that CSS loads. */}
        <div style={metaGrid}>
          {Array.from({ length: 4 }, (_, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: placeholders have no identity
            <Stack key={i} gap={6}>
              <Skeleton height={12} width="50%" radius="sm" />
              <Skeleton height={16} width="80%" radius="sm" />
            </Stack>
          ))}
        </div>
      </Card>
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 4 }} order={{ base: 1, md: 2 }}>
          <Stack gap="md">
            <SectionSkeleton lines={2} height={20} />
            <SectionSkeleton lines={2} height={36} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 8 }} order={{ base: 2, md: 1 }}>
          <Stack gap="md">
            <SectionSkeleton lines={3} />
            <SectionSkeleton lines={4} />
            <SectionSkeleton lines={1} />
          </Stack>
        </Grid.Col>
      </Grid>
    </SkeletonFrame>
  );
}
