import {
  Alert,
  Badge,
  Button,
  Card,
  Group,
  Modal,
  Select,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconDeviceFloppy, IconFileTypePdf, IconSend } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Controller, useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { textSchema } from '../../../../shared/contracts/common';
import { ErrorAlert } from '../../../components/error-alert';
import { ListSkeleton } from '../../../components/page-loader';
import { ApiError } from '../../../lib/api';
import { DualDate } from '../../../lib/dates';
import { applyApiFieldErrors, formResolver } from '../../../lib/forms';
import { useCan } from '../../../lib/session';
import {
  type ResearchReport,
  requestTasksQuery,
  researchReportPdfUrl,
  researchReportQuery,
  saveResearchReport,
  type TaskRecommendation,
  verificationKeys,
} from '../api';
import { recommendationColor } from '../labels';

const recommendations = [
  'eligible',
  'not_eligible',
  'needs_more',
] as const satisfies readonly TaskRecommendation[];
const maxBody = 10_000;

const reportSchema = z.object({
  bodyAr: textSchema(20, maxBody),
  recommendation: z.enum(recommendations),
});

interface ReportFormValues {
  bodyAr: string;
  recommendation: TaskRecommendation | null;
}

/**
 * تقرير البحث الاجتماعي — the researcher's report on a request: the material the verification gathered,
 * then the report itself, written as a draft and submitted once (read-only afterwards, with a PDF).
 */
export function ResearchReportCard({ requestId }: { requestId: string }) {
  const { t } = useTranslation();
  const can = useCan();
  const report = useQuery(researchReportQuery(requestId));
  const status = report.data?.status;

  return (
    <Card withBorder padding="md" radius="md" component="section" aria-labelledby="report-title">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4" id="report-title">
          {t('verification.report.title')}
        </Title>
        {status && (
          <Badge variant="light" color={status === 'submitted' ? 'teal' : 'gray'}>
            {t(`verification.report.status.${status}`)}
          </Badge>
        )}
      </Group>
      <Stack gap="md">
        <GatheredMaterial requestId={requestId} />
        {report.isPending ? (
          <ListSkeleton rows={2} />
        ) : report.isError ? (
          <ErrorAlert error={report.error} onRetry={() => void report.refetch()} />
        ) : report.data?.status === 'submitted' ? (
          <SubmittedReport report={report.data} />
        ) : can('verification.work') ? (
          <ReportForm key={report.data?.updatedAt ?? 'new'} requestId={requestId} draft={report.data} />
        ) : (
          <Text c="dimmed" size="sm">
            {report.data ? t('verification.report.draftInProgress') : t('verification.report.empty')}
          </Text>
        )}
      </Stack>
    </Card>
  );
}

/** The findings and recommendation of each finished verification task: what the report draws on. */
function GatheredMaterial({ requestId }: { requestId: string }) {
  const { t } = useTranslation();
  const tasks = useQuery(requestTasksQuery(requestId));
  const done = tasks.data?.filter((task) => task.findings || task.recommendation) ?? [];

  return (
    <Stack gap="xs">
      <Title order={3} size="h5">
        {t('verification.report.material')}
      </Title>
      {tasks.isPending ? (
        <ListSkeleton rows={2} />
      ) : tasks.isError ? (
        <ErrorAlert error={tasks.error} onRetry={() => void tasks.refetch()} />
      ) : done.length === 0 ? (
        <Text c="dimmed" size="sm">
          {t('verification.report.noMaterial')}
        </Text>
      ) : (
        <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
          {done.map((task) => (
            <Card key={task.id} withBorder padding="sm" component="li" bg="gray.0">
              <Group justify="space-between" gap="xs" mb={4}>
                <Text fw={600} size="sm">
                  {t(`verification.mechanisms.${task.mechanism}`)}
                </Text>
                {task.recommendation && (
                  <Badge size="sm" variant="light" color={recommendationColor[task.recommendation]}>
                    {t(`verification.recommendations.${task.recommendation}`)}
                  </Badge>
                )}
              </Group>
              {task.findings && (
                <Text size="sm" className="pre-wrap">
                  {task.findings}
                </Text>
              )}
            </Card>
          ))}
        </Stack>
      )}
    </Stack>
  );
}

function SubmittedReport({ report }: { report: ResearchReport }) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm">
      <Title order={3} size="h5">
        {t('verification.report.text')}
      </Title>
      <Badge size="lg" variant="light" color={recommendationColor[report.recommendation]}>
        {t('verification.report.recommendationIs', {
          recommendation: t(`verification.recommendations.${report.recommendation}`),
        })}
      </Badge>
      <Text className="pre-wrap" dir="rtl">
        {report.bodyAr}
      </Text>
      <Group gap="xl" align="flex-start">
        <Stack gap={0}>
          <Text size="xs" c="dimmed">
            {t('verification.report.author')}
          </Text>
          <Text size="sm">{report.authorName ?? t('common.none')}</Text>
        </Stack>
        <Stack gap={0}>
          <Text size="xs" c="dimmed">
            {t('verification.report.submittedAt')}
          </Text>
          <DualDate value={report.submittedAt} withTime size="sm" />
        </Stack>
      </Group>
      <Group>
        <Button
          component="a"
          href={researchReportPdfUrl(report.requestId)}
          target="_blank"
          rel="noreferrer"
          variant="light"
          leftSection={<IconFileTypePdf size={18} aria-hidden />}
        >
          {t('verification.report.pdf')}
        </Button>
      </Group>
    </Stack>
  );
}

function ReportForm({ requestId, draft }: { requestId: string; draft: ResearchReport | null }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const form = useForm<ReportFormValues>({
    resolver: formResolver<ReportFormValues>(reportSchema),
    defaultValues: { bodyAr: draft?.bodyAr ?? '', recommendation: draft?.recommendation ?? null },
  });
  const body = useWatch({ control: form.control, name: 'bodyAr' }) ?? '';
  const { errors } = form.formState;

  const save = useMutation({
    mutationFn: (values: { bodyAr: string; recommendation: TaskRecommendation; submit: boolean }) =>
      saveResearchReport(requestId, values),
    onSuccess: (saved, values) => {
      setConfirming(false);
      queryClient.setQueryData(verificationKeys.report(requestId), saved);
      notifications.show({
        color: 'teal',
        message: values.submit ? t('verification.report.submitted') : t('verification.report.draftSaved'),
      });
    },
    onError: (error) => {
      setConfirming(false);
      // Someone submitted it meanwhile: show the report as it now stands.
      if (error instanceof ApiError && error.code === 'TRANSITION_NOT_ALLOWED') {
        void queryClient.invalidateQueries({ queryKey: verificationKeys.report(requestId) });
      }
      applyApiFieldErrors(error, form.setError, ['bodyAr', 'recommendation']);
    },
  });

  const saveDraft = form.handleSubmit((values) => {
    if (values.recommendation)
      save.mutate({ ...values, recommendation: values.recommendation, submit: false });
  });
  const askToSubmit = form.handleSubmit(() => setConfirming(true));
  const submit = () => {
    const values = form.getValues();
    if (values.recommendation)
      save.mutate({ ...values, recommendation: values.recommendation, submit: true });
  };

  return (
    <form onSubmit={askToSubmit} noValidate>
      <Stack gap="sm">
        <Title order={3} size="h5">
          {t('verification.report.write')}
        </Title>
        {save.error && <ErrorAlert error={save.error} />}
        <Textarea
          label={t('verification.report.body')}
          description={t('verification.report.bodyHint', { count: body.trim().length, max: maxBody })}
          required
          autosize
          minRows={6}
          maxRows={20}
          dir="rtl"
          maxLength={maxBody}
          {...form.register('bodyAr')}
          error={errors.bodyAr?.message}
        />
        <Controller
          control={form.control}
          name="recommendation"
          render={({ field, fieldState }) => (
            <Select
              label={t('verification.report.recommendation')}
              placeholder={t('verification.report.recommendationPlaceholder')}
              required
              maw={360}
              data={recommendations.map((r) => ({ value: r, label: t(`verification.recommendations.${r}`) }))}
              value={field.value}
              onChange={(value) => field.onChange(value as TaskRecommendation | null)}
              onBlur={field.onBlur}
              ref={field.ref}
              error={fieldState.error?.message}
            />
          )}
        />
        {draft && (
          <Group gap={6}>
            <Text size="xs" c="dimmed">
              {t('verification.report.draftSavedAt')}
            </Text>
            <DualDate value={draft.updatedAt} withTime size="xs" />
          </Group>
        )}
        <Group gap="sm">
          <Button
            variant="default"
            onClick={() => void saveDraft()}
            loading={save.isPending && !save.variables?.submit}
            disabled={save.isPending}
            leftSection={<IconDeviceFloppy size={18} aria-hidden />}
          >
            {t('verification.report.saveDraft')}
          </Button>
          <Button type="submit" disabled={save.isPending} leftSection={<IconSend size={18} aria-hidden />}>
            {t('verification.report.submit')}
          </Button>
        </Group>
      </Stack>
      <Modal
        opened={confirming}
        onClose={() => !save.isPending && setConfirming(false)}
        title={t('verification.report.confirmTitle')}
      >
        <Stack gap="sm">
          <Alert color="orange" icon={<IconAlertTriangle aria-hidden />}>
            {t('verification.report.confirmBody')}
          </Alert>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)} disabled={save.isPending}>
              {t('common.cancel')}
            </Button>
            <Button onClick={submit} loading={save.isPending} data-autofocus>
              {t('verification.report.confirmSubmit')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </form>
  );
}
