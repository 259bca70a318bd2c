import { Anchor, Button, Card, Group, Stack, Text, TextInput, UnstyledButton } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch, IconUserCheck, IconUserPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BeneficiarySummary } from '../../../../shared/contracts/beneficiaries';
import { normalizeDigits } from '../../../../shared/digits';
import { ErrorAlert } from '../../../components/error-alert';
import { useCan } from '../../../lib/session';
import { beneficiarySearchQuery } from '../api';

interface BeneficiaryPickerProps {
  selected: BeneficiarySummary | null;
  onSelect: (beneficiary: BeneficiarySummary | null) => void;
  error?: string;
}

/** Finds the beneficiary by name (tolerant of spelling), national ID, file number or phone. */
export function BeneficiaryPicker({ selected, onSelect, error }: BeneficiaryPickerProps) {
  const { t } = useTranslation();
  const can = useCan();
  const [q, setQ] = useState('');
  const [debouncedQ] = useDebouncedValue(normalizeDigits(q).trim(), 300);
  const results = useQuery(beneficiarySearchQuery(debouncedQ));

  if (selected) {
    return (
      <Card withBorder padding="sm" bg="var(--mantine-color-teal-0)">
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Group gap="sm" wrap="nowrap">
            <IconUserCheck size={22} aria-hidden color="var(--mantine-color-teal-7)" />
            <Stack gap={0}>
              <Anchor component={Link} to={`/beneficiaries/${selected.id}`} fw={700}>
                {selected.fullNameAr}
              </Anchor>
              <Text size="xs" c="dimmed">
                {t('requests.fields.fileNumber')}: <bdi>{selected.fileNumber}</bdi> ·{' '}
                {t('requests.fields.nationalId')}: <bdi className="ltr-value">{selected.nationalId}</bdi>
              </Text>
            </Stack>
          </Group>
          <Button variant="subtle" size="xs" onClick={() => onSelect(null)}>
            {t('requests.newForm.changeBeneficiary')}
          </Button>
        </Group>
      </Card>
    );
  }

  return (
    <Stack gap="xs">
      <TextInput
        label={t('requests.newForm.findBeneficiary')}
        description={t('requests.newForm.findBeneficiaryHint')}
        placeholder={t('requests.newForm.findPlaceholder')}
        leftSection={<IconSearch size={16} aria-hidden />}
        value={q}
        onChange={(e) => setQ(e.currentTarget.value)}
        error={error}
        required
        autoFocus
      />
      {results.isError && <ErrorAlert error={results.error} />}
      {debouncedQ.length >= 2 &&
        results.data &&
        (results.data.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('requests.newForm.noResults')}
          </Text>
        ) : (
          <Stack
            gap={6}
            component="ul"
            p={0}
            m={0}
            style={{ listStyle: 'none' }}
            aria-label={t('requests.newForm.results')}
          >
            {results.data.map((b) => (
              <li key={b.id}>
                <UnstyledButton
                  onClick={() => onSelect(b)}
                  className="quick-link wasl-pick-button"
                  w="100%"
                  p="xs"
                >
                  <Text size="sm" fw={600}>
                    {b.fullNameAr}
                  </Text>
                  <Text size="xs" c="dimmed">
                    <bdi>{b.fileNumber}</bdi> · <bdi className="ltr-value">{b.nationalId}</bdi> · {b.city}
                  </Text>
                </UnstyledButton>
              </li>
            ))}
          </Stack>
        ))}
      {can('beneficiaries.create') && (
        <Anchor component={Link} to="/beneficiaries/new" size="sm">
          <Group gap={4} component="span">
            <IconUserPlus size={16} aria-hidden />
            {t('requests.newForm.registerNew')}
          </Group>
        </Anchor>
      )}
    </Stack>
  );
}
