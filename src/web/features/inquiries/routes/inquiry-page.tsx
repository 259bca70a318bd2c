import { Anchor, Badge, Button, Card, Group, SimpleGrid, Stack, Text, Textarea, Title } from '@mantine/core';
import { IconSend } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { type FormEvent, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { answerChannelOf, type Inquiry } from '../../../../shared/contracts/inquiries';
import { ErrorAlert } from '../../../components/error-alert';
import { PageHeader } from '../../../components/page-header';
import { ListSkeleton } from '../../../components/page-loader';
import { RequirePermission } from '../../../components/require-permission';
import { ApiError } from '../../../lib/api';
import { DualDate } from '../../../lib/dates';
import { useOrgLists } from '../../../lib/org-lists';
import { useCan } from '../../../lib/session';
import { answerInquiry, inquiryKeys, inquiryQuery } from '../api';
import { InquiryStatusBadge } from '../components/inquiry-status-badge';
import { MessageStatus } from '../components/message-status';
import { Suggestions } from '../components/suggestions';
import { notify } from '../notify';

export function InquiryPage() {
  return (
    <RequirePermission action="inquiries.read">
      <InquiryDetail />
    </RequirePermission>
  );
}

function InquiryDetail() {
  const { t } = useTranslation();
  const { inquiryId } = useParams({ strict: false }) as { inquiryId: string };
  const query = useQuery(inquiryQuery(inquiryId));
  const can = useCan();
  if (query.isPending) return <ListSkeleton />;
  if (query.isError) return <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />;
  const inquiry = query.data;

  return (
    <>
      <PageHeader
        title={t('inquiries.number', { number: inquiry.number })}
        actions={<InquiryStatusBadge inquiry={inquiry} />}
      />
      <Stack gap="md" maw={860}>
        <Facts inquiry={inquiry} />
        <Card withBorder padding="md" component="section" aria-labelledby="inquiry-question-title">
          <Title order={2} size="h4" id="inquiry-question-title" mb="xs">
            {t('inquiries.question')}
          </Title>
          <Text style={{ whiteSpace: 'pre-wrap' }}>{inquiry.question}</Text>
        </Card>
        {inquiry.status === 'answered' ? (
          <Card withBorder padding="md" component="section" aria-labelledby="inquiry-answer-title">
            <Title order={2} size="h4" id="inquiry-answer-title" mb="xs">
              {t('inquiries.answer')}
            </Title>
            <Text style={{ whiteSpace: 'pre-wrap' }}>{inquiry.answer}</Text>
            {inquiry.answeredBy && (
              <Text size="sm" c="dimmed" mt="xs">
                {t('inquiries.answeredBy', { name: inquiry.answeredBy })}
              </Text>
            )}
            <Stack mt="sm" gap={4}>
              <MessageStatus inquiry={inquiry} />
            </Stack>
          </Card>
        ) : (
          can('inquiries.answer') && <AnswerForm inquiry={inquiry} />
        )}
      </Stack>
    </>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <div>{children}</div>
    </Stack>
  );
}

function Facts({ inquiry }: { inquiry: Inquiry }) {
  const { t } = useTranslation();
  const { channelLabel } = useOrgLists();
  return (
    <Card withBorder padding="md">
      <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="md">
        <Fact label={t('inquiries.channel')}>
          <Text size="sm">{channelLabel(inquiry.channel)}</Text>
        </Fact>
        <Fact label={inquiry.beneficiary ? t('inquiries.beneficiary') : t('inquiries.caller')}>
          {inquiry.beneficiary ? (
            <Anchor component={Link} to={`/beneficiaries/${inquiry.beneficiary.id}`} size="sm">
              {inquiry.beneficiary.fullNameAr} (<bdi>{inquiry.beneficiary.fileNumber}</bdi>)
            </Anchor>
          ) : (
            <Text size="sm">
              {inquiry.contactName ?? t('inquiries.noBeneficiary')}
              {inquiry.contactPhone && (
                <>
                  {' · '}
                  <bdi className="ltr-value">{inquiry.contactPhone}</bdi>
                </>
              )}
            </Text>
          )}
        </Fact>
        <Fact label={t('inquiries.dueAt')}>
          <DualDate value={inquiry.dueAt} withTime />
        </Fact>
        <Fact label={t('inquiries.category')}>
          <Text size="sm">{inquiry.category ?? t('common.none')}</Text>
        </Fact>
        {inquiry.assignee && (
          <Fact label={t('inquiries.assignee')}>
            <Text size="sm">{inquiry.assignee.fullName}</Text>
          </Fact>
        )}
      </SimpleGrid>
    </Card>
  );
}

function AnswerForm({ inquiry }: { inquiry: Inquiry }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [answer, setAnswer] = useState('');
  const [articleId, setArticleId] = useState<string | undefined>();
  const [error, setError] = useState<string | undefined>();
  const mutation = useMutation({
    mutationFn: () => answerInquiry(inquiry.id, { answer, articleId }),
    onSuccess: async (answered) => {
      queryClient.setQueryData(inquiryKeys.detail(inquiry.id), answered);
      await queryClient.invalidateQueries({ queryKey: inquiryKeys.all });
      notify(t('inquiries.answerForm.sent'));
    },
    onError: (e) => {
      if (e instanceof ApiError) setError(e.fieldErrors.answer ?? e.fieldErrors.articleId);
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!answer.trim()) {
      setError(t('validation.required'));
      return;
    }
    mutation.mutate();
  };

  return (
    <Card withBorder padding="md" component="section" aria-labelledby="answer-form-title">
      <Title order={2} size="h4" id="answer-form-title" mb="sm">
        {t('inquiries.answerForm.title')}
      </Title>
      <Stack gap="sm">
        <Suggestions
          question={inquiry.question}
          onUse={(s) => {
            setAnswer(s.answerAr);
            setArticleId(s.id);
            setError(undefined);
            notify(t('inquiries.suggestions.used'));
          }}
        />
        <form onSubmit={submit} noValidate>
          <Stack gap="sm">
            <Textarea
              label={t('inquiries.answerForm.label')}
              description={t('inquiries.answerForm.hint', {
                channel: t(`inquiries.message.via.${answerChannelOf(inquiry.channel)}`),
              })}
              value={answer}
              onChange={(e) => {
                setAnswer(e.currentTarget.value);
                if (!e.currentTarget.value) setArticleId(undefined);
              }}
              error={error}
              required
              autosize
              minRows={3}
              maxLength={2000}
              data-testid="inquiry-answer"
            />
            {mutation.isError && !error && <ErrorAlert error={mutation.error} />}
            <Group justify="flex-end">
              {articleId && (
                <Badge variant="light" color="teal">
                  {t('inquiries.suggestions.title')}
                </Badge>
              )}
              <Button
                type="submit"
                leftSection={<IconSend size={18} aria-hidden />}
                loading={mutation.isPending}
              >
                {t('inquiries.answerForm.send')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Stack>
    </Card>
  );
}
