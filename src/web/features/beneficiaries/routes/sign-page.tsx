import { Anchor, Box, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate, useParams, useSearch } from '@tanstack/react-router';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert';
import { PageLoader } from '../../../components/page-loader';
import { RequirePermission } from '../../../components/require-permission';
import { beneficiaryQuery } from '../api';
import { DeclarationBadge } from '../components/beneficiary-badges';
import { DeclarationForm } from '../components/declaration-form';
import '../beneficiaries.css';

export interface SignSearch {
  returnTo?: 'intake';
}

export function validateSignSearch(search: Record<string, unknown>): SignSearch {
  return { returnTo: search.returnTo === 'intake' ? 'intake' : undefined };
}

/** The signing screen, made to be handed to the beneficiary on a phone or tablet. */
export function SignPage() {
  return (
    <RequirePermission action="beneficiaries.record_declaration">
      <Sign />
    </RequirePermission>
  );
}

function Sign() {
  const { t } = useTranslation();
  const { beneficiaryId } = useParams({ strict: false }) as { beneficiaryId: string };
  const { returnTo } = useSearch({ strict: false }) as SignSearch;
  const navigate = useNavigate();
  const query = useQuery(beneficiaryQuery(beneficiaryId));
  // The device is handed to the beneficiary: staff notices from the steps before do not belong here.
  useEffect(() => notifications.clean(), []);
  const back =
    returnTo === 'intake'
      ? { to: '/beneficiaries/new', search: { id: beneficiaryId, step: 4 } as never }
      : { to: `/beneficiaries/${beneficiaryId}` };

  return (
    <Box className="wasl-sign-page">
      <Anchor component={Link} {...back} size="sm">
        {returnTo === 'intake' ? t('beneficiaries.sign.backToIntake') : t('beneficiaries.backToProfile')}
      </Anchor>
      {query.isPending ? (
        <PageLoader />
      ) : query.isError ? (
        <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <Stack gap="md" mt="sm">
          <Stack gap={4}>
            <Title order={1} size="h3">
              {t('beneficiaries.sign.title')}
            </Title>
            <Text size="sm" c="dimmed">
              {query.data.fullNameAr} · <bdi>{query.data.fileNumber}</bdi>
            </Text>
            <DeclarationBadge declaration={query.data.declaration} />
          </Stack>
          <DeclarationForm
            beneficiaryId={beneficiaryId}
            fullName={query.data.fullNameAr}
            onSigned={() => {
              notifications.show({ color: 'teal', message: t('beneficiaries.sign.done') });
              void (returnTo === 'intake'
                ? navigate({ to: '/beneficiaries/new', search: { id: beneficiaryId, step: 5 } })
                : navigate({ to: '/beneficiaries/$beneficiaryId', params: { beneficiaryId } }));
            }}
          />
        </Stack>
      )}
    </Box>
  );
}
