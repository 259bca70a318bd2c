import { Box, Card, Group, Select, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PolicyDetail, PolicyDiffPart } from '../../../../shared/contracts/policies';
import { ErrorAlert } from '../../../components/error-alert';
import { ListSkeleton } from '../../../components/page-loader';
import { policyDiffQuery } from '../api';

// Added and removed lines are told apart by a written marker («+ أضيف» / «− حذف»), by <ins>/<del>, and
// by colour — never by colour alone.
const looks = {
  added: { bg: 'var(--mantine-color-teal-light)', border: 'var(--mantine-color-teal-7)', sign: '+' },
  removed: { bg: 'var(--mantine-color-red-light)', border: 'var(--mantine-color-red-7)', sign: '−' },
  unchanged: { bg: undefined, border: 'transparent', sign: ' ' },
} as const;

function Part({ part }: { part: PolicyDiffPart }) {
  const { t } = useTranslation();
  const look = looks[part.kind];
  const Tag = part.kind === 'added' ? 'ins' : part.kind === 'removed' ? 'del' : 'div';
  return (
    <Box
      component={Tag}
      display="block"
      px="sm"
      py={4}
      style={{
        background: look.bg,
        borderInlineStart: `4px solid ${look.border}`,
        textDecoration: 'none',
      }}
    >
      {part.kind !== 'unchanged' && (
        <Text size="xs" fw={700} component="span" display="block">
          {look.sign} {t(`policies.diff.${part.kind}`)}
        </Text>
      )}
      {part.lines.map((line, i) => (
        <Text
          // biome-ignore lint/suspicious/noArrayIndexKey: lines have no identity beyond their place.
          key={i}
          size="sm"
          dir="auto"
          c={part.kind === 'unchanged' ? 'dimmed' : undefined}
          style={{ whiteSpace: 'pre-wrap', minHeight: '1.2em' }}
        >
          {line}
        </Text>
      ))}
    </Box>
  );
}

/** Two versions side by side in one column: what was removed, what was added, what stayed. */
export function PolicyDiffCard({ policy }: { policy: PolicyDetail }) {
  const { t } = useTranslation();
  const titleId = useId();
  const versions = policy.versions;
  const [to, setTo] = useState<string | null>(versions[0]?.id ?? null);
  const [from, setFrom] = useState<string | null>(versions[1]?.id ?? null);
  const enabled = Boolean(from && to);
  const diff = useQuery({ ...policyDiffQuery(policy.id, from ?? '', to ?? ''), enabled });
  const options = versions.map((v) => ({
    value: v.id,
    label: t('policies.versionLabel', { number: v.number, status: t(`policies.status.${v.status}`) }),
  }));
  if (versions.length < 2) return null;
  return (
    <Card withBorder component="section" aria-labelledby={titleId}>
      <Title order={2} size="h4" mb="sm" id={titleId}>
        {t('policies.diff.title')}
      </Title>
      <Group gap="sm" align="flex-end" wrap="wrap" mb="sm">
        <Select
          label={t('policies.diff.from')}
          data={options}
          value={from}
          onChange={setFrom}
          allowDeselect={false}
          w={{ base: '100%', xs: 240 }}
        />
        <Select
          label={t('policies.diff.to')}
          data={options}
          value={to}
          onChange={setTo}
          allowDeselect={false}
          w={{ base: '100%', xs: 240 }}
        />
      </Group>
      {!enabled ? null : diff.isPending ? (
        <ListSkeleton />
      ) : diff.isError ? (
        <ErrorAlert error={diff.error} onRetry={() => void diff.refetch()} />
      ) : (
        <Stack gap={4}>
          <Text size="sm">
            {t('policies.diff.summary', { added: diff.data.added, removed: diff.data.removed })}
          </Text>
          {diff.data.added === 0 && diff.data.removed === 0 && (
            <Text size="sm" c="dimmed">
              {t('policies.diff.same')}
            </Text>
          )}
          {diff.data.parts.map((part, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: parts are in order and never reordered.
            <Part key={i} part={part} />
          ))}
        </Stack>
      )}
    </Card>
  );
}
