import { Group, NumberInput, Radio, Stack, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { OrganizationSettings } from '../../../../shared/contracts/organization';

export type Question = OrganizationSettings['interviewQuestions'][number];

interface QuestionFieldProps {
  question: Question;
  value: unknown;
  onChange: (value: unknown) => void;
  disabled?: boolean;
}

/** One question of the organization's interview form or field-visit checklist, rendered by its type. */
export function QuestionField({ question, value, onChange, disabled }: QuestionFieldProps) {
  const { t, i18n } = useTranslation();
  const label = i18n.language === 'en' ? question.labelEn : question.labelAr;
  switch (question.type) {
    case 'number':
      return (
        <NumberInput
          label={label}
          value={typeof value === 'number' ? value : ''}
          onChange={(v) => onChange(typeof v === 'number' ? v : undefined)}
          min={0}
          inputMode="decimal"
          disabled={disabled}
          allowNegative={false}
        />
      );
    case 'yes_no':
      return (
        <Radio.Group
          label={label}
          value={value === true ? 'yes' : value === false ? 'no' : ''}
          onChange={(v) => onChange(v === 'yes')}
        >
          <Group gap="lg" mt={6}>
            <Radio value="yes" label={t('verification.task.yes')} disabled={disabled} size="md" />
            <Radio value="no" label={t('verification.task.no')} disabled={disabled} size="md" />
          </Group>
        </Radio.Group>
      );
    case 'choice':
      return (
        <Radio.Group label={label} value={typeof value === 'string' ? value : ''} onChange={onChange}>
          <Stack gap="xs" mt={6}>
            {(question.options ?? []).map((option) => (
              <Radio key={option} value={option} label={option} disabled={disabled} size="md" />
            ))}
          </Stack>
        </Radio.Group>
      );
    default:
      return (
        <Textarea
          label={label}
          value={typeof value === 'string' ? value : ''}
          onChange={(e) => onChange(e.currentTarget.value)}
          autosize
          minRows={2}
          disabled={disabled}
        />
      );
  }
}

/** An answer as read-only text for a finished task. */
export function answerText(t: (key: string) => string, value: unknown): string {
  if (value === true) return t('verification.task.yes');
  if (value === false) return t('verification.task.no');
  if (value === undefined || value === null || value === '') return t('common.none');
  return String(value);
}
