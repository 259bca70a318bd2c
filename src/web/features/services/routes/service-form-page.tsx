import { Anchor } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { ServiceInput } from '../../../../shared/contracts/services';
import { ErrorAlert } from '../../../components/error-alert';
import { PageHeader } from '../../../components/page-header';
import { PageLoader } from '../../../components/page-loader';
import { RequirePermission } from '../../../components/require-permission';
import { useOrgLists } from '../../../lib/org-lists';
import { createService, serviceQuery, servicesKeys, updateService } from '../api';
import { ActiveBadge } from '../components/service-badges';
import { emptyService, ServiceForm, serviceToForm } from '../components/service-form';

export function NewServicePage() {
  return (
    <RequirePermission action="services.manage">
      <NewService />
    </RequirePermission>
  );
}

export function EditServicePage() {
  return (
    <RequirePermission action="services.manage">
      <EditService />
    </RequirePermission>
  );
}

function BackLink() {
  const { t } = useTranslation();
  return (
    <Anchor component={Link} to="/services" size="sm">
      {t('services.backToList')}
    </Anchor>
  );
}

function NewService() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { defaultDecisionDays } = useOrgLists();
  const mutation = useMutation({
    mutationFn: (values: ServiceInput) => createService(values),
    onSuccess: async (service) => {
      await queryClient.invalidateQueries({ queryKey: servicesKeys.all });
      notifications.show({ color: 'teal', message: t('services.created', { name: service.nameAr }) });
      await navigate({ to: '/services' });
    },
  });
  return (
    <>
      <BackLink />
      <PageHeader title={t('services.newTitle')} description={t('services.formHint')} />
      <ServiceForm
        initial={emptyService(defaultDecisionDays)}
        submitLabel={t('services.create')}
        pending={mutation.isPending}
        error={mutation.error}
        onSubmit={(values) => mutation.mutateAsync(values)}
      />
    </>
  );
}

function EditService() {
  const { t, i18n } = useTranslation();
  const { serviceId } = useParams({ strict: false }) as { serviceId: string };
  const queryClient = useQueryClient();
  const query = useQuery(serviceQuery(serviceId));
  const mutation = useMutation({
    mutationFn: (values: ServiceInput) => updateService(serviceId, values),
    onSuccess: async (service) => {
      queryClient.setQueryData(servicesKeys.detail(serviceId), service);
      await queryClient.invalidateQueries({ queryKey: servicesKeys.all });
      notifications.show({ color: 'teal', message: t('services.saved') });
    },
  });
  if (query.isPending) return <PageLoader />;
  if (query.isError) return <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />;
  const service = query.data;
  return (
    <>
      <BackLink />
      <PageHeader
        title={i18n.language === 'en' ? service.nameEn : service.nameAr}
        description={t('services.editTitle')}
        actions={<ActiveBadge active={service.active} />}
      />
      <ServiceForm
        key={service.id}
        initial={serviceToForm(service)}
        submitLabel={t('common.save')}
        pending={mutation.isPending}
        error={mutation.error}
        onSubmit={(values) => mutation.mutateAsync(values)}
      />
    </>
  );
}
