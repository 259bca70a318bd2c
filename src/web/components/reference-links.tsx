import { Anchor, Card, Group, Text } from '@mantine/core';
import { IconBook2 } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { LibraryItem, PolicyContext } from '../../shared/contracts/policies';
import { api, withQuery } from '../lib/api';
import { useCan } from '../lib/session';

/**
 * The governing texts that apply on this screen (issue 14 item 4): the published documents whose
 * `contexts` name it — a bylaw beside the committee's session, a procedure beside the complaints.
 * Renders nothing when none is linked (or the reader may not read the policies).
 */
export function ReferenceLinks({ context }: { context: PolicyContext }) {
  const { t, i18n } = useTranslation();
  const can = useCan();
  const titleId = useId();
  const query = useQuery({
    queryKey: ['policies', 'library', 'context', context] as const,
    queryFn: ({ signal }) => api<{ items: LibraryItem[] }>(withQuery('/library', { context }), { signal }),
    enabled: can('policies.read'),
    staleTime: 5 * 60_000,
  });
  const items = query.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <Card withBorder padding="sm" component="section" aria-labelledby={titleId} mb="md">
      <Group gap="xs" align="center" wrap="wrap">
        <IconBook2 size={18} aria-hidden />
        <Text size="sm" fw={600} id={titleId}>
          {t('library.linked')}
        </Text>
        {items.map((item) => (
          <Anchor key={item.id} component={Link} to={`/policies/${item.id}` as never} size="sm">
            {i18n.language === 'en' ? item.titleEn : item.titleAr}
          </Anchor>
        ))}
      </Group>
    </Card>
  );
}
