import { Badge, Button, Card, Group, Stack, Text, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MessageTemplate, UpdateMessageTemplate } from '../../../../shared/contracts/messaging';
import { ErrorAlert } from '../../../components/error-alert';
import { ListSkeleton } from '../../../components/page-loader';
import { ApiError, api } from '../../../lib/api';

const templatesQueryKey = ['message-templates'] as const;
const templatesQuery = queryOptions({
  queryKey: templatesQueryKey,
  queryFn: ({ signal }) => api<{ items: MessageTemplate[] }>('/message-templates', { signal }),
});

/** نصوص الرسائل — the association's wording of each message it sends, with the variables it may use. */
export function MessageTemplatesSection() {
  const { t } = useTranslation();
  const query = useQuery(templatesQuery);
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="section-message-templates">
      <Title order={2} size="h4" id="section-message-templates">
        {t('messaging.templates.title')}
      </Title>
      <Text size="sm" c="dimmed" mt={4}>
        {t('messaging.templates.description')}
      </Text>
      <Stack mt="md" gap="md">
        {query.isPending ? (
          <ListSkeleton />
        ) : query.isError ? (
          <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />
        ) : (
          query.data.items.map((template) => (
            <TemplateEditor key={`${template.key}-${template.ar}-${template.en}`} template={template} />
          ))
        )}
      </Stack>
    </Card>
  );
}

function TemplateEditor({ template }: { template: MessageTemplate }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [ar, setAr] = useState(template.ar);
  const [en, setEn] = useState(template.en);
  const mutation = useMutation({
    mutationFn: (body: UpdateMessageTemplate) =>
      api<{ items: MessageTemplate[] }>('/message-templates', { method: 'PUT', body }),
    onSuccess: (saved) => {
      queryClient.setQueryData(templatesQueryKey, saved);
      notifications.show({ color: 'teal', message: t('messaging.templates.saved') });
    },
  });
  const fieldError = (language: 'ar' | 'en') =>
    mutation.error instanceof ApiError && mutation.error.fieldErrors[`texts.${language}`]
      ? t('messaging.templates.unknownVariables', {
          names: ((mutation.error.details?.unknown as string[] | undefined) ?? []).join('، '),
        })
      : undefined;
  const dirty = ar !== template.ar || en !== template.en;
  const title = t(`messaging.templates.keys.${template.key}`, { defaultValue: template.key });

  return (
    <Card withBorder padding="md" component="article" aria-label={title}>
      <Group justify="space-between" gap="xs">
        <Text fw={600}>{title}</Text>
        <Badge variant="light" color={template.custom ? 'teal' : 'gray'}>
          {template.custom ? t('messaging.templates.custom') : t('messaging.templates.default')}
        </Badge>
      </Group>
      <Group gap={6} mt="xs">
        <Text size="xs" c="dimmed">
          {t('messaging.templates.variables')}
        </Text>
        {template.variables.map((name) => (
          <Badge key={name} variant="outline" size="sm" style={{ textTransform: 'none' }}>
            <bdi dir="ltr">{`{{${name}}}`}</bdi>
          </Badge>
        ))}
      </Group>
      <Stack gap="sm" mt="sm">
        <Textarea
          label={t('messaging.templates.arabic')}
          dir="rtl"
          autosize
          minRows={2}
          value={ar}
          onChange={(e) => setAr(e.currentTarget.value)}
          error={fieldError('ar')}
        />
        <Textarea
          label={t('messaging.templates.english')}
          dir="ltr"
          autosize
          minRows={2}
          value={en}
          onChange={(e) => setEn(e.currentTarget.value)}
          error={fieldError('en')}
        />
        {mutation.error && !fieldError('ar') && !fieldError('en') && <ErrorAlert error={mutation.error} />}
        <Group justify="flex-end" gap="sm">
          {template.custom && (
            <Button
              variant="default"
              loading={mutation.isPending}
              onClick={() => mutation.mutate({ key: template.key, texts: null })}
            >
              {t('messaging.templates.reset')}
            </Button>
          )}
          <Button
            disabled={!dirty}
            loading={mutation.isPending}
            onClick={() => mutation.mutate({ key: template.key, texts: { ar, en } })}
          >
            {t('messaging.templates.save')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
