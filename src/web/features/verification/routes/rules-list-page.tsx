import { Badge, Button, Card, Group, Stack, Text } from '@mantine/core';
import { IconAdjustments } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { EmptyBlock } from '../../../components/empty-block';
import { ErrorAlert } from '../../../components/error-alert';
import { PageHeader } from '../../../components/page-header';
import { ListSkeleton } from '../../../components/page-loader';
import { RequirePermission } from '../../../components/require-permission';
import { servicesQuery } from '../api';

export function RulesListPage() {
  return (
    <RequirePermission action="rules.manage">
      <RulesList />
    </RequirePermission>
  );
}

/** Every service, each with a way into its eligibility rules. */
function RulesList() {
  const { t, i18n } = useTranslation();
  const services = useQuery(servicesQuery);
  const en = i18n.language === 'en';
  return (
    <>
      <PageHeader title={t('verification.rules.title')} description={t('verification.rules.description')} />
      {services.isPending ? (
        <ListSkeleton rows={3} />
      ) : services.isError ? (
        <ErrorAlert error={services.error} onRetry={() => void services.refetch()} />
      ) : services.data.length === 0 ? (
        <EmptyBlock title={t('verification.rules.noServices')} />
      ) : (
        <Stack
          gap="sm"
          component="ul"
          p={0}
          m={0}
          style={{ listStyle: 'none' }}
          aria-label={t('verification.rules.title')}
        >
          {services.data.map((service) => {
            const name = en ? service.nameEn : service.nameAr;
            return (
              <Card key={service.id} withBorder padding="sm" radius="md" component="li">
                <Group justify="space-between" gap="sm">
                  <Stack gap={4} style={{ minWidth: 0 }}>
                    <Group gap="xs">
                      <Text fw={600}>{name}</Text>
                      {!service.active && (
                        <Badge color="gray" variant="light" size="sm">
                          {t('verification.rules.inactive')}
                        </Badge>
                      )}
                    </Group>
                    <Text size="xs" c="dimmed">
                      {service.verification
                        .map((m) => t(`verification.mechanisms.${m}`))
                        .join(t('common.listSeparator'))}
                    </Text>
                  </Stack>
                  <Button
                    component={Link}
                    to={`/services/${service.id}/rules`}
                    variant="light"
                    leftSection={<IconAdjustments size={18} aria-hidden />}
                    aria-label={t('verification.rules.editNamed', { service: name })}
                  >
                    {t('verification.rules.edit')}
                  </Button>
                </Group>
              </Card>
            );
          })}
        </Stack>
      )}
    </>
  );
}
