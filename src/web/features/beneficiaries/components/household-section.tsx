import { ActionIcon, Badge, Button, Card, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { IconTrash, IconUserPlus } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Beneficiary } from '../../../../shared/contracts/beneficiaries';
import { EmptyBlock } from '../../../components/empty-block';
import { ErrorAlert } from '../../../components/error-alert';
import { ListSkeleton } from '../../../components/page-loader';
import { errorMessage } from '../../../lib/api';
import { shownNumber } from '../../../lib/numbers';
import { useCan } from '../../../lib/session';
import { beneficiaryKeys, type HouseholdMember, householdQuery, removeHouseholdMember } from '../api';
import { formatMoney } from '../settings';
import { HouseholdMemberForm } from './household-member-form';

/** الأسرة — household members, with size and monthly income per capita. */
export function HouseholdSection({ beneficiary }: { beneficiary: Beneficiary }) {
  const { t, i18n } = useTranslation();
  const can = useCan();
  const queryClient = useQueryClient();
  const query = useQuery(householdQuery(beneficiary.id));
  const [adding, setAdding] = useState(false);
  const editable = can('beneficiaries.update');

  const refresh = () => queryClient.invalidateQueries({ queryKey: beneficiaryKeys.detail(beneficiary.id) });

  const remove = useMutation({
    mutationFn: (member: HouseholdMember) => removeHouseholdMember(beneficiary.id, member.id),
    onSuccess: () => {
      void refresh();
      notifications.show({ color: 'teal', message: t('beneficiaries.household.removed') });
    },
    onError: (error) => notifications.show({ color: 'red', message: errorMessage(error) }),
  });

  const confirmRemove = (member: HouseholdMember) =>
    modals.openConfirmModal({
      title: t('beneficiaries.household.removeTitle'),
      children: (
        <Text size="sm">{t('beneficiaries.household.removeConfirm', { name: member.fullName })}</Text>
      ),
      labels: { confirm: t('beneficiaries.household.remove'), cancel: t('common.cancel') },
      confirmProps: { color: 'red' },
      onConfirm: () => remove.mutate(member),
    });

  const { size, monthlyIncome, monthlyIncomePerCapita } = beneficiary.household;

  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="sm">
        <Stat label={t('beneficiaries.household.size')} value={shownNumber(size, i18n.language)} />
        <Stat
          label={t('beneficiaries.household.totalIncome')}
          value={formatMoney(monthlyIncome, i18n.language)}
        />
        <Stat
          label={t('beneficiaries.household.perCapita')}
          value={formatMoney(monthlyIncomePerCapita, i18n.language)}
        />
      </SimpleGrid>
      {query.isPending ? (
        <ListSkeleton rows={2} />
      ) : query.isError ? (
        <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />
      ) : query.data.length === 0 ? (
        <EmptyBlock title={t('beneficiaries.household.empty')} />
      ) : (
        <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
          {query.data.map((member) => (
            <Card key={member.id} withBorder padding="sm" component="li">
              <Group justify="space-between" wrap="nowrap" align="flex-start">
                <Stack gap={2} style={{ minWidth: 0 }}>
                  <Group gap="xs">
                    <Text fw={600}>{member.fullName}</Text>
                    <Badge variant="light">{t(`beneficiaries.relations.${member.relation}`)}</Badge>
                  </Group>
                  <Text size="sm" c="dimmed">
                    {t(`beneficiaries.gender.${member.gender}`)}
                    {member.birthDateHijri &&
                      ` · ${t('beneficiaries.household.born')} ${member.birthDateHijri}`}
                    {` · ${t('beneficiaries.household.monthlyIncome')}: ${formatMoney(member.monthlyIncome, i18n.language)}`}
                  </Text>
                  {member.schooling && (
                    <Text size="xs" c="dimmed">
                      {t(`beneficiaries.schooling.${member.schooling}`, { defaultValue: member.schooling })}
                    </Text>
                  )}
                  {member.health && <Text size="xs">{member.health}</Text>}
                </Stack>
                {editable && (
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    onClick={() => confirmRemove(member)}
                    aria-label={t('beneficiaries.household.removeNamed', { name: member.fullName })}
                  >
                    <IconTrash size={18} aria-hidden />
                  </ActionIcon>
                )}
              </Group>
            </Card>
          ))}
        </Stack>
      )}
      {editable &&
        (adding ? (
          <Card withBorder padding="md">
            <Text fw={600} mb="sm">
              {t('beneficiaries.household.addTitle')}
            </Text>
            <HouseholdMemberForm
              beneficiaryId={beneficiary.id}
              onCancel={() => setAdding(false)}
              onAdded={(member) => {
                setAdding(false);
                void refresh();
                notifications.show({
                  color: 'teal',
                  message: t('beneficiaries.household.added', { name: member.fullName }),
                });
              }}
            />
          </Card>
        ) : (
          <Group>
            <Button
              variant="light"
              leftSection={<IconUserPlus size={18} aria-hidden />}
              onClick={() => setAdding(true)}
            >
              {t('beneficiaries.household.addMember')}
            </Button>
          </Group>
        ))}
    </Stack>
  );
}

function Stat({ label, value }: { label: string; value: string }) {
  return (
    <Card withBorder padding="sm" bg="gray.0">
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={700} size="lg">
        {value}
      </Text>
    </Card>
  );
}
