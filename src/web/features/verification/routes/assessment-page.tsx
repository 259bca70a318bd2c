import { Anchor, Badge, Card, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert';
import { PageHeader } from '../../../components/page-header';
import { ListSkeleton, PageLoader } from '../../../components/page-loader';
import { RequirePermission } from '../../../components/require-permission';
import { useOrgLists } from '../../../lib/org-lists';
import { requestQuery, requestTasksQuery } from '../api';
import { EvaluationCard } from '../components/evaluation-card';
import { FraudSignalsCard } from '../components/fraud-signals-card';
import { ResearchReportCard } from '../components/research-report-card';
import { TaskRow } from '../components/task-row';
import '../verification.css';

export function AssessmentPage() {
  return (
    <RequirePermission action="verification.read">
      <Assessment />
    </RequirePermission>
  );
}

/** Everything that informs the decision on one request: the rules' evaluation, the checks, the warnings. */
function Assessment() {
  const { t, i18n } = useTranslation();
  const { decisionBodyName } = useOrgLists();
  const { requestId } = useParams({ strict: false }) as { requestId: string };
  const request = useQuery(requestQuery(requestId));
  const tasks = useQuery(requestTasksQuery(requestId));
  if (request.isPending) return <PageLoader />;
  if (request.isError) return <ErrorAlert error={request.error} onRetry={() => void request.refetch()} />;
  const r = request.data;

  return (
    <>
      <Anchor component={Link} to={`/requests/${requestId}`} size="sm">
        {t('verification.assessment.backToRequest', { number: r.number })}
      </Anchor>
      <PageHeader
        title={t('verification.assessment.title', { number: r.number })}
        description={`${r.beneficiaryName} · ${i18n.language === 'en' ? r.serviceNameEn : r.serviceNameAr}`}
        actions={
          <Badge size="lg" variant="light">
            {t(`requests.status.${r.status}`, {
              body: decisionBodyName || t('requests.decisionBodyFallback'),
              defaultValue: r.status,
            })}
          </Badge>
        }
      />
      <Stack gap="md">
        <EvaluationCard requestId={requestId} />
        <Card withBorder padding="md" radius="md" component="section" aria-labelledby="tasks-title">
          <Title order={2} size="h4" id="tasks-title" mb="sm">
            {t('verification.assessment.tasks')}
          </Title>
          {tasks.isPending ? (
            <ListSkeleton rows={2} />
          ) : tasks.isError ? (
            <ErrorAlert error={tasks.error} onRetry={() => void tasks.refetch()} />
          ) : tasks.data.length === 0 ? (
            <Text c="dimmed">{t('verification.assessment.noTasks')}</Text>
          ) : (
            <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
              {tasks.data.map((task) => (
                <TaskRow key={task.id} task={task} />
              ))}
            </Stack>
          )}
        </Card>
        <FraudSignalsCard requestId={requestId} />
        <ResearchReportCard requestId={requestId} />
      </Stack>
    </>
  );
}
