import { Anchor, Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Survey } from '../../../../shared/contracts/surveys';
import { EmptyBlock } from '../../../components/empty-block';
import { ErrorAlert } from '../../../components/error-alert';
import { OpenKioskLink } from '../../../components/kiosk-buttons';
import { LoadMore } from '../../../components/load-more';
import { PageHeader } from '../../../components/page-header';
import { ListSkeleton } from '../../../components/page-loader';
import { RequirePermission } from '../../../components/require-permission';
import { useNumberFormat } from '../../../lib/numbers';
import { serviceOptionsQuery } from '../../../lib/pick-lists';
import { useCan } from '../../../lib/session';
import { surveyListQuery } from '../api';

/** «استبيانات الرضا»: what is asked, when, of whom; designed by the quality officer with the manager. */
export function SurveysPage() {
  return (
    <RequirePermission action="surveys.read">
      <Surveys />
    </RequirePermission>
  );
}

function Surveys() {
  const { t } = useTranslation();
  const can = useCan();
  const query = useInfiniteQuery(surveyListQuery);
  const items = query.data?.pages.flatMap((p) => p.items) ?? [];
  const total = query.data?.pages[0]?.total ?? 0;
  return (
    <>
      <PageHeader
        title={t('surveys.title')}
        description={t('surveys.description')}
        actions={
          <>
            {can('surveys.results') && (
              <Button component={Link} to="/surveys/results" variant="default">
                {t('surveys.results.nav')}
              </Button>
            )}
            <OpenKioskLink />
            {can('surveys.manage') && (
              <Button component={Link} to="/surveys/new" leftSection={<IconPlus size={16} aria-hidden />}>
                {t('surveys.new')}
              </Button>
            )}
          </>
        }
      />
      {query.isPending ? (
        <ListSkeleton />
      ) : query.isError ? (
        <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />
      ) : items.length === 0 ? (
        <EmptyBlock title={t('surveys.empty')} description={t('surveys.emptyHint')} />
      ) : (
        <>
          <Stack
            gap="sm"
            component="ul"
            p={0}
            m={0}
            style={{ listStyle: 'none' }}
            aria-label={t('surveys.title')}
          >
            {items.map((s) => (
              <SurveyCard key={s.id} survey={s} />
            ))}
          </Stack>
          <LoadMore
            shown={items.length}
            total={total}
            hasMore={Boolean(query.hasNextPage)}
            loading={query.isFetchingNextPage}
            onLoadMore={() => void query.fetchNextPage()}
          />
        </>
      )}
    </>
  );
}

function SurveyCard({ survey }: { survey: Survey }) {
  const { t, i18n } = useTranslation();
  const format = useNumberFormat();
  const titleId = useId();
  const services = useQuery(serviceOptionsQuery);
  const service = services.data?.find((s) => s.id === survey.serviceId);
  const en = i18n.language === 'en';
  const serviceName = service ? (en && service.nameEn ? service.nameEn : service.nameAr) : null;
  return (
    <Card withBorder padding="md" component="li" aria-labelledby={titleId}>
      <Group justify="space-between" align="flex-start" gap="xs">
        <Title order={2} size="h5" id={titleId}>
          <Anchor component={Link} to={`/surveys/${survey.id}` as never}>
            {en ? survey.nameEn : survey.nameAr}
          </Anchor>
        </Title>
        <Group gap={6}>
          <Badge variant="light">{t(`surveys.triggers.${survey.trigger}`)}</Badge>
          <Badge color={survey.active ? 'teal' : 'gray'} variant="light">
            {t(survey.active ? 'surveys.active' : 'surveys.inactive')}
          </Badge>
        </Group>
      </Group>
      <Group gap="lg" mt="xs">
        <Text size="sm" c="dimmed">
          {survey.trigger === 'internal'
            ? t('surveys.ratedDepartment', { department: survey.ratedDepartment ?? '' })
            : (serviceName ?? t('surveys.designer.allServices'))}
        </Text>
        <Text size="sm" c="dimmed">
          {t('surveys.versionN', { n: format.number(survey.version) })}
        </Text>
        <Text size="sm" c="dimmed">
          {t('surveys.answersN', { count: survey.answers, n: format.number(survey.answers) })}
        </Text>
      </Group>
    </Card>
  );
}
