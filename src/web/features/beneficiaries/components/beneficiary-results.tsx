import { Anchor, Card, Group, Stack, Table, Text } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { BeneficiarySummary } from '../../../../shared/contracts/beneficiaries';
import { DualDate } from '../../../lib/dates';
import { useOrgLists } from '../settings';
import { BeneficiaryStatusBadge } from './beneficiary-badges';

const profileLink = (b: BeneficiarySummary) => ({ to: `/beneficiaries/${b.id}` });

export function BeneficiaryTable({ items }: { items: BeneficiarySummary[] }) {
  const { t } = useTranslation();
  const { categoryLabel } = useOrgLists();
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table striped highlightOnHover verticalSpacing="sm" aria-label={t('beneficiaries.title')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('beneficiaries.fields.fullNameAr')}</Table.Th>
            <Table.Th>{t('beneficiaries.fields.fileNumber')}</Table.Th>
            <Table.Th>{t('beneficiaries.fields.nationalId')}</Table.Th>
            <Table.Th>{t('beneficiaries.fields.phone')}</Table.Th>
            <Table.Th>{t('beneficiaries.fields.city')}</Table.Th>
            <Table.Th>{t('beneficiaries.fields.birthDate')}</Table.Th>
            <Table.Th>{t('fields.status')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((b) => (
            <Table.Tr key={b.id}>
              <Table.Td>
                <Anchor component={Link} {...profileLink(b)} fw={600}>
                  {b.fullNameAr}
                </Anchor>
                {b.categories.length > 0 && (
                  <Text size="xs" c="dimmed">
                    {b.categories.map(categoryLabel).join(t('common.listSeparator'))}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <bdi>{b.fileNumber}</bdi>
              </Table.Td>
              <Table.Td>
                <bdi className="ltr-value">{b.nationalId}</bdi>
              </Table.Td>
              <Table.Td>
                <bdi className="ltr-value">{b.phone}</bdi>
              </Table.Td>
              <Table.Td>{b.city}</Table.Td>
              <Table.Td>
                <DualDate value={b.birthDate} size="xs" />
              </Table.Td>
              <Table.Td>
                <BeneficiaryStatusBadge status={b.status} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

export function BeneficiaryCards({ items }: { items: BeneficiarySummary[] }) {
  const { t } = useTranslation();
  return (
    <Stack
      gap="sm"
      component="ul"
      p={0}
      m={0}
      style={{ listStyle: 'none' }}
      aria-label={t('beneficiaries.title')}
    >
      {items.map((b) => (
        <Card key={b.id} withBorder padding="sm" component="li">
          <Group justify="space-between" wrap="nowrap" align="flex-start">
            <Anchor component={Link} {...profileLink(b)} fw={600}>
              {b.fullNameAr}
            </Anchor>
            <BeneficiaryStatusBadge status={b.status} />
          </Group>
          <Text size="sm" c="dimmed">
            {t('beneficiaries.fields.fileNumber')}: <bdi>{b.fileNumber}</bdi> · {b.city}
          </Text>
          <Text size="sm" c="dimmed">
            <bdi className="ltr-value">{b.nationalId}</bdi> · <bdi className="ltr-value">{b.phone}</bdi>
          </Text>
        </Card>
      ))}
    </Stack>
  );
}
