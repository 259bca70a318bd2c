import { Button, Center, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

interface LoadMoreProps {
  shown: number;
  total: number;
  hasMore: boolean;
  loading: boolean;
  onLoadMore: () => void;
}

export function LoadMore({ shown, total, hasMore, loading, onLoadMore }: LoadMoreProps) {
  const { t } = useTranslation();
  return (
    <Center mt="md" style={{ flexDirection: 'column', gap: 8 }}>
      <Text size="sm" c="dimmed" aria-live="polite">
        {t('common.shownOf', { shown, total })}
      </Text>
      {hasMore && (
        <Button variant="light" onClick={onLoadMore} loading={loading}>
          {t('common.loadMore')}
        </Button>
      )}
    </Center>
  );
}
