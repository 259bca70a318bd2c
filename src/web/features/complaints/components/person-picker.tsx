import { Button, Group, Stack, Text, TextInput, UnstyledButton } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BeneficiarySummary } from '../../../../shared/contracts/beneficiaries';
import { normalizeDigits } from '../../../../shared/digits';
import { personSearchQuery } from '../api';

/** Links the complaint to a beneficiary's file (optional): the reply then reaches them as they prefer. */
export function PersonPicker({
  selected,
  onSelect,
}: {
  selected: BeneficiarySummary | null;
  onSelect: (person: BeneficiarySummary | null) => void;
}) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const [debounced] = useDebouncedValue(normalizeDigits(q).trim(), 300);
  const results = useQuery(personSearchQuery(debounced));

  if (selected) {
    return (
      <Group justify="space-between" gap="xs">
        <Text size="sm">
          {t('complaints.form.linkedTo')}: <strong>{selected.fullNameAr}</strong> (
          <bdi>{selected.fileNumber}</bdi>)
        </Text>
        <Button variant="subtle" size="xs" onClick={() => onSelect(null)}>
          {t('complaints.form.unlink')}
        </Button>
      </Group>
    );
  }
  return (
    <Stack gap={4}>
      <TextInput
        label={t('complaints.form.person')}
        description={t('complaints.form.personHint')}
        leftSection={<IconSearch size={16} aria-hidden />}
        value={q}
        onChange={(e) => setQ(e.currentTarget.value)}
      />
      {(results.data ?? []).length > 0 && (
        <Stack
          gap={2}
          component="ul"
          p={0}
          m={0}
          style={{ listStyle: 'none' }}
          aria-label={t('complaints.form.person')}
        >
          {results.data!.map((person) => (
            <li key={person.id}>
              <UnstyledButton onClick={() => onSelect(person)} p={6} w="100%">
                <Text size="sm">
                  {person.fullNameAr} · <bdi>{person.fileNumber}</bdi>
                </Text>
              </UnstyledButton>
            </li>
          ))}
        </Stack>
      )}
    </Stack>
  );
}
