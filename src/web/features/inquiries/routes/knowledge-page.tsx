import { Badge, Button, Card, Group, SegmentedControl, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconArchive, IconCheck, IconPlus } from '@tabler/icons-react';
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Article, ArticleStatus } from '../../../../shared/contracts/inquiries';
import { PageHeader } from '../../../components/page-header';
import { RequirePermission } from '../../../components/require-permission';
import { errorMessage } from '../../../lib/api';
import { useCan } from '../../../lib/session';
import { approveArticle, archiveArticle, articleListQuery, knowledgeKeys } from '../api';
import { ArticleFormModal } from '../components/article-form-modal';
import { PagedList } from '../components/paged-list';
import { notify } from '../notify';

export function KnowledgePage() {
  return (
    <RequirePermission action="knowledge.read">
      <Knowledge />
    </RequirePermission>
  );
}

const tabs: ArticleStatus[] = ['approved', 'draft', 'archived'];

/** «قاعدة المعرفة»: approved answers, drafts waiting for a supervisor, and archived ones. */
function Knowledge() {
  const { t } = useTranslation();
  const can = useCan();
  const [status, setStatus] = useState<ArticleStatus>('approved');
  const [opened, { open, close }] = useDisclosure(false);
  const query = useInfiniteQuery(articleListQuery(status));

  return (
    <>
      <PageHeader
        title={t('knowledge.title')}
        description={t('knowledge.description')}
        actions={
          can('knowledge.manage') && (
            <Button onClick={open} leftSection={<IconPlus size={18} aria-hidden />}>
              {t('knowledge.newDraft')}
            </Button>
          )
        }
      />
      <SegmentedControl
        fullWidth
        mb="md"
        value={status}
        onChange={(v) => setStatus(v as ArticleStatus)}
        aria-label={t('knowledge.filter')}
        data={tabs.map((value) => ({ value, label: t(`knowledge.statuses.${value}`) }))}
      />
      <PagedList
        query={query}
        label={t('knowledge.list')}
        empty={{ title: t(`knowledge.empty.${status}`) }}
        render={(article: Article) => <ArticleCard key={article.id} article={article} />}
      />
      <ArticleFormModal
        opened={opened}
        onClose={close}
        onSaved={() => {
          close();
          setStatus('draft');
        }}
      />
    </>
  );
}

function ArticleCard({ article }: { article: Article }) {
  const { t } = useTranslation();
  const can = useCan();
  const queryClient = useQueryClient();
  const change = useMutation({
    mutationFn: (action: 'approve' | 'archive') =>
      action === 'approve' ? approveArticle(article.id) : archiveArticle(article.id),
    onSuccess: async (_, action) => {
      await queryClient.invalidateQueries({ queryKey: knowledgeKeys.all });
      notify(t(action === 'approve' ? 'knowledge.approved' : 'knowledge.archived'));
    },
    onError: (error) => notify(errorMessage(error), 'red'),
  });

  return (
    <li>
      <Card withBorder padding="sm">
        <Group justify="space-between" wrap="wrap" gap="xs" mb={4}>
          <Text fw={700} style={{ flex: '1 1 12rem' }}>
            {article.questionAr}
          </Text>
          <Group gap={4}>
            {article.category && <Badge variant="outline">{article.category}</Badge>}
            <Badge variant="light" color={article.status === 'approved' ? 'teal' : 'gray'}>
              {t(`knowledge.status.${article.status}`)}
            </Badge>
          </Group>
        </Group>
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {article.answerAr}
        </Text>
        {article.questionEn && (
          <Text size="sm" c="dimmed" mt={6} lang="en" dir="ltr">
            {t('knowledge.english')}: {article.questionEn} — {article.answerEn}
          </Text>
        )}
        <Group justify="flex-end" gap="xs" mt="xs">
          {article.status === 'draft' && can('knowledge.approve') && (
            <Button
              size="xs"
              leftSection={<IconCheck size={14} aria-hidden />}
              aria-label={t('knowledge.approveFor', { question: article.questionAr })}
              loading={change.isPending && change.variables === 'approve'}
              onClick={() => change.mutate('approve')}
            >
              {t('knowledge.approve')}
            </Button>
          )}
          {article.status !== 'archived' && can('knowledge.manage') && (
            <Button
              size="xs"
              variant="subtle"
              color="gray"
              leftSection={<IconArchive size={14} aria-hidden />}
              aria-label={t('knowledge.archiveFor', { question: article.questionAr })}
              loading={change.isPending && change.variables === 'archive'}
              onClick={() => change.mutate('archive')}
            >
              {t('knowledge.archive')}
            </Button>
          )}
        </Group>
      </Card>
    </li>
  );
}
