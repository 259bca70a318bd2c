import { Alert, Badge, Button, Card, Group, Stack, Text } from '@mantine/core';
import { IconSignature } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { Beneficiary } from '../../../../shared/contracts/beneficiaries';
import { EmptyBlock } from '../../../components/empty-block';
import { ErrorAlert } from '../../../components/error-alert';
import { ListSkeleton } from '../../../components/page-loader';
import { DualDate } from '../../../lib/dates';
import { useCan } from '../../../lib/session';
import { declarationsQuery } from '../api';
import { useOrgLists } from '../settings';

/** The declaration's status (current or to be re-signed, and why) and every signature on file. */
export function DeclarationsList({ beneficiary }: { beneficiary: Beneficiary }) {
  const { t } = useTranslation();
  const can = useCan();
  const { channelLabel } = useOrgLists();
  const query = useQuery(declarationsQuery(beneficiary.id));
  const { declaration } = beneficiary;

  return (
    <Stack gap="sm">
      <Alert
        color={declaration.current ? 'teal' : 'orange'}
        icon={<IconSignature aria-hidden />}
        title={
          declaration.current
            ? t('beneficiaries.declaration.current')
            : t('beneficiaries.declaration.needsSigning')
        }
      >
        <Stack gap="xs" align="flex-start">
          {!declaration.current && (
            <Text size="sm">
              {t(`beneficiaries.declaration.reasonText.${declaration.reason ?? 'never_signed'}`)}
            </Text>
          )}
          {declaration.signedAt && (
            <Group gap="xs">
              <Text size="sm">{t('beneficiaries.declaration.lastSigned')}</Text>
              <DualDate value={declaration.signedAt} withTime size="xs" />
            </Group>
          )}
          {can('beneficiaries.record_declaration') && (
            <Button
              size="xs"
              component={Link}
              to={`/beneficiaries/${beneficiary.id}/sign`}
              variant={declaration.current ? 'light' : 'filled'}
            >
              {declaration.current ? t('beneficiaries.sign.again') : t('beneficiaries.sign.open')}
            </Button>
          )}
        </Stack>
      </Alert>
      {query.isPending ? (
        <ListSkeleton rows={2} />
      ) : query.isError ? (
        <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />
      ) : query.data.length === 0 ? (
        <EmptyBlock title={t('beneficiaries.declaration.none')} />
      ) : (
        query.data.map((d) => (
          <Card key={d.id} withBorder padding="sm">
            <Group justify="space-between" gap="xs" align="flex-start">
              <Stack gap={2}>
                <Text size="sm" fw={600}>
                  {t('beneficiaries.declaration.version', { version: d.textVersion })}
                </Text>
                <Text size="xs" c="dimmed">
                  {[
                    t(`beneficiaries.sign.${d.method}`),
                    d.typedName,
                    channelLabel(d.channel),
                    d.witnessedBy && t('beneficiaries.declaration.witness', { name: d.witnessedBy }),
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                </Text>
              </Stack>
              <Stack gap={2} align="flex-end">
                <DualDate value={d.signedAt} withTime size="xs" />
                {d.hasImage && (
                  <Badge size="xs" variant="outline">
                    {t('beneficiaries.declaration.hasImage')}
                  </Badge>
                )}
              </Stack>
            </Group>
          </Card>
        ))
      )}
    </Stack>
  );
}
