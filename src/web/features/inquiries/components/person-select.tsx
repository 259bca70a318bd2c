import { type ComboboxItem, Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BeneficiarySummary } from '../../../../shared/contracts/beneficiaries';
import { normalizeDigits } from '../../../../shared/digits';
import { peopleQuery } from '../api';

interface PersonSelectProps {
  label: string;
  description?: string;
  value: BeneficiarySummary | null;
  onChange: (person: BeneficiarySummary | null) => void;
  error?: string;
  autoFocus?: boolean;
  required?: boolean;
}

// The registry searches on the server (spelling-tolerant): the list shows its answer as it is.
const keepAll = ({ options }: { options: ComboboxItem[] }) => options;

/**
 * One keyboard-friendly field to find a beneficiary: type a name, national ID, file number or mobile,
 * arrow down, Enter. The registry's own search answers (debounced).
 */
export function PersonSelect({
  label,
  description,
  value,
  onChange,
  error,
  autoFocus,
  required,
}: PersonSelectProps) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(normalizeDigits(search).trim(), 250);
  const typedSelected = value !== null && search === optionLabel(value);
  const people = useQuery({ ...peopleQuery(debounced), enabled: debounced.length >= 2 && !typedSelected });
  const found = people.data ?? [];
  const choices = value && !found.some((p) => p.id === value.id) ? [value, ...found] : found;

  return (
    <Select
      label={label}
      description={description}
      placeholder={t('inquiries.form.findPersonHint')}
      searchable
      clearable
      required={required}
      autoFocus={autoFocus}
      data={choices.map((p) => ({ value: p.id, label: optionLabel(p) }))}
      filter={keepAll as never}
      value={value?.id ?? null}
      searchValue={search}
      onSearchChange={setSearch}
      onChange={(id) => onChange(choices.find((p) => p.id === id) ?? null)}
      nothingFoundMessage={
        debounced.length >= 2 && !people.isFetching ? t('inquiries.form.noPeople') : undefined
      }
      rightSectionPointerEvents="none"
      error={error}
      comboboxProps={{ withinPortal: true }}
    />
  );
}

function optionLabel(p: BeneficiarySummary): string {
  return `${p.fullNameAr} — ${p.fileNumber}`;
}
