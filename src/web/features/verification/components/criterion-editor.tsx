import {
  ActionIcon,
  Card,
  Group,
  MultiSelect,
  NumberInput,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  TagsInput,
  Text,
} from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconTrash } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Criterion, CriterionKind } from '../../../../shared/eligibility/rules';
import { Num } from '../../../lib/numbers';
import { useOrgLists } from '../../../lib/org-lists';

export type CriterionErrors = Partial<Record<string, string>>;

/** A new criterion of `kind` with sensible starting values. */
export function newCriterion(
  kind: CriterionKind,
  taken: readonly string[],
  firstDocument = 'national_id',
): Criterion {
  let n = 1;
  while (taken.includes(`${kind}_${n}`)) n += 1;
  const base = { id: `${kind}_${n}`, mode: 'required' as const, weight: 0 };
  switch (kind) {
    case 'category_in':
      return { ...base, kind, categories: [] };
    case 'city_in':
      return { ...base, kind, cities: [] };
    case 'age_between':
      return { ...base, kind, min: 18, max: undefined };
    case 'income_per_capita_at_most':
      return { ...base, kind, amount: 1500 };
    case 'household_size_at_least':
      return { ...base, kind, size: 3 };
    case 'document_valid':
      return { ...base, kind, documentType: firstDocument };
    case 'no_active_request':
      return { ...base, kind };
    case 'not_received_within_months':
      return { ...base, kind, months: 12 };
  }
}

interface CriterionEditorProps {
  value: Criterion;
  position: number;
  count: number;
  errors: CriterionErrors;
  onChange: (value: Criterion) => void;
  onRemove: () => void;
  onMove: (delta: -1 | 1) => void;
}

const num = (v: string | number): number | undefined => (typeof v === 'number' ? v : undefined);

/** One criterion: its kind's own fields, and whether it is a condition or earns points. */
export function CriterionEditor({
  value,
  position,
  count,
  errors,
  onChange,
  onRemove,
  onMove,
}: CriterionEditorProps) {
  const { t } = useTranslation();
  const { categoryOptions, documentTypeOptions } = useOrgLists();
  const kindName = t(`verification.kinds.${value.kind}`);
  const patch = (p: Record<string, unknown>) => onChange({ ...value, ...p } as Criterion);

  let fields: ReactNode = null;
  switch (value.kind) {
    case 'category_in':
      fields = (
        <MultiSelect
          label={t('verification.rules.fields.categories')}
          data={categoryOptions}
          value={value.categories}
          onChange={(categories) => patch({ categories })}
          error={errors.categories}
          searchable
        />
      );
      break;
    case 'city_in':
      fields = (
        <TagsInput
          label={t('verification.rules.fields.cities')}
          description={t('verification.rules.fields.citiesHint')}
          value={value.cities}
          onChange={(cities) => patch({ cities })}
          error={errors.cities}
        />
      );
      break;
    case 'age_between':
      fields = (
        <SimpleGrid cols={2}>
          <NumberInput
            label={t('verification.rules.fields.minAge')}
            value={value.min ?? ''}
            onChange={(v) => patch({ min: num(v) })}
            min={0}
            max={130}
            allowDecimal={false}
            error={errors.min ?? errors['']}
          />
          <NumberInput
            label={t('verification.rules.fields.maxAge')}
            value={value.max ?? ''}
            onChange={(v) => patch({ max: num(v) })}
            min={0}
            max={130}
            allowDecimal={false}
            error={errors.max}
          />
        </SimpleGrid>
      );
      break;
    case 'income_per_capita_at_most':
      fields = (
        <NumberInput
          label={t('verification.rules.fields.amount')}
          value={value.amount}
          onChange={(v) => patch({ amount: num(v) })}
          min={0}
          thousandSeparator=","
          error={errors.amount}
        />
      );
      break;
    case 'household_size_at_least':
      fields = (
        <NumberInput
          label={t('verification.rules.fields.size')}
          value={value.size}
          onChange={(v) => patch({ size: num(v) })}
          min={1}
          max={50}
          allowDecimal={false}
          error={errors.size}
        />
      );
      break;
    case 'document_valid':
      fields = (
        <Select
          label={t('verification.rules.fields.documentType')}
          data={documentTypeOptions}
          value={value.documentType}
          onChange={(documentType) => patch({ documentType: documentType ?? '' })}
          allowDeselect={false}
          error={errors.documentType}
        />
      );
      break;
    case 'no_active_request':
      fields = (
        <Text size="sm" c="dimmed">
          {t('verification.rules.fields.noActiveRequestHint')}
        </Text>
      );
      break;
    case 'not_received_within_months':
      fields = (
        <NumberInput
          label={t('verification.rules.fields.months')}
          value={value.months}
          onChange={(v) => patch({ months: num(v) })}
          min={1}
          max={120}
          allowDecimal={false}
          error={errors.months}
        />
      );
      break;
  }

  return (
    <Card
      withBorder
      padding="md"
      radius="md"
      component="li"
      className="wasl-criterion-card"
      data-mode={value.mode}
      aria-label={t('verification.rules.criterionLabel', { n: position, kind: kindName })}
    >
      <Group justify="space-between" wrap="nowrap" mb="sm">
        <Text fw={700}>
          <Num value={position} />. {kindName}
        </Text>
        <Group gap={4} wrap="nowrap">
          <ActionIcon
            variant="subtle"
            onClick={() => onMove(-1)}
            disabled={position === 1}
            aria-label={t('verification.rules.moveUp', { n: position })}
          >
            <IconArrowUp size={16} aria-hidden />
          </ActionIcon>
          <ActionIcon
            variant="subtle"
            onClick={() => onMove(1)}
            disabled={position === count}
            aria-label={t('verification.rules.moveDown', { n: position })}
          >
            <IconArrowDown size={16} aria-hidden />
          </ActionIcon>
          <ActionIcon
            variant="subtle"
            color="red"
            onClick={onRemove}
            aria-label={t('verification.rules.remove', { n: position })}
          >
            <IconTrash size={16} aria-hidden />
          </ActionIcon>
        </Group>
      </Group>
      <Stack gap="sm">
        {fields}
        <Group align="flex-end" gap="sm">
          <Stack gap={4}>
            <Text size="sm" fw={500} id={`mode-${value.id}`}>
              {t('verification.rules.fields.mode')}
            </Text>
            <SegmentedControl
              aria-labelledby={`mode-${value.id}`}
              value={value.mode}
              onChange={(mode) => patch({ mode, weight: mode === 'points' ? value.weight || 10 : 0 })}
              data={(['required', 'points'] as const).map((m) => ({
                value: m,
                label: t(`verification.modes.${m}`),
              }))}
            />
          </Stack>
          {value.mode === 'points' && (
            <NumberInput
              label={t('verification.rules.fields.weight')}
              value={value.weight}
              onChange={(v) => patch({ weight: num(v) ?? 0 })}
              min={0}
              max={100}
              allowDecimal={false}
              w={120}
              error={errors.weight}
            />
          )}
        </Group>
      </Stack>
    </Card>
  );
}
