import {
  ActionIcon,
  Button,
  Card,
  Checkbox,
  Group,
  Select,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { type QuestionKind, questionKinds, type SurveyQuestion } from '../../../../shared/contracts/surveys';
import { useNumberFormat } from '../../../lib/numbers';

type Option = NonNullable<SurveyQuestion['options']>[number];
const choiceKinds: QuestionKind[] = ['single', 'multiple'];

/** The first free key `prefix1`, `prefix2`, … (question and option ids are short lowercase keys). */
function freeKey(prefix: string, taken: string[]): string {
  let n = taken.length + 1;
  while (taken.includes(`${prefix}${n}`)) n += 1;
  return `${prefix}${n}`;
}

export function newQuestion(taken: string[]): SurveyQuestion {
  return { id: freeKey('q', taken), kind: 'faces', labelAr: '', labelEn: '', required: true };
}

interface Props {
  questions: SurveyQuestion[];
  onChange: (next: SurveyQuestion[]) => void;
  /** Field errors of the last save, keyed `questions.<index>.<field>`. */
  errors?: Record<string, string>;
}

/** Add, remove and reorder (buttons: no dragging needed) the questions of a survey. */
export function QuestionEditor({ questions, onChange, errors = {} }: Props) {
  const { t } = useTranslation();
  const set = (index: number, patch: Partial<SurveyQuestion>) =>
    onChange(questions.map((q, i) => (i === index ? { ...q, ...patch } : q)));
  const move = (index: number, by: -1 | 1) => {
    const next = [...questions];
    const [item] = next.splice(index, 1);
    next.splice(index + by, 0, item!);
    onChange(next);
  };
  return (
    <Stack gap="sm">
      {questions.map((q, index) => (
        <QuestionCard
          key={q.id}
          question={q}
          index={index}
          count={questions.length}
          errors={errors}
          onChange={(patch) => set(index, patch)}
          onMove={(by) => move(index, by)}
          onRemove={() => onChange(questions.filter((_, i) => i !== index))}
        />
      ))}
      <Group>
        <Button
          variant="light"
          leftSection={<IconPlus size={16} aria-hidden />}
          onClick={() => onChange([...questions, newQuestion(questions.map((x) => x.id))])}
          disabled={questions.length >= 20}
        >
          {t('surveys.designer.addQuestion')}
        </Button>
      </Group>
    </Stack>
  );
}

interface CardProps {
  question: SurveyQuestion;
  index: number;
  count: number;
  errors: Record<string, string>;
  onChange: (patch: Partial<SurveyQuestion>) => void;
  onMove: (by: -1 | 1) => void;
  onRemove: () => void;
}

function QuestionCard({ question: q, index, count, errors, onChange, onMove, onRemove }: CardProps) {
  const { t } = useTranslation();
  const format = useNumberFormat();
  const number = format.number(index + 1);
  const err = (field: string) => {
    const code = errors[`questions.${index}.${field}`];
    return code ? t(`surveys.designer.errors.${code}`, { defaultValue: code }) : undefined;
  };
  const setKind = (kind: QuestionKind) =>
    onChange({
      kind,
      options: choiceKinds.includes(kind)
        ? q.options?.length
          ? q.options
          : [
              { id: 'o1', labelAr: '', labelEn: '' },
              { id: 'o2', labelAr: '', labelEn: '' },
            ]
        : undefined,
    });
  return (
    <Card
      withBorder
      padding="sm"
      component="section"
      aria-label={t('surveys.designer.questionN', { n: number })}
    >
      <Group justify="space-between" gap="xs" mb="xs">
        <Title order={3} size="h5">
          {t('surveys.designer.questionN', { n: number })}
        </Title>
        <Group gap={4}>
          <ActionIcon
            variant="default"
            size="lg"
            onClick={() => onMove(-1)}
            disabled={index === 0}
            aria-label={t('surveys.designer.moveUp', { n: number })}
          >
            <IconArrowUp size={18} aria-hidden />
          </ActionIcon>
          <ActionIcon
            variant="default"
            size="lg"
            onClick={() => onMove(1)}
            disabled={index === count - 1}
            aria-label={t('surveys.designer.moveDown', { n: number })}
          >
            <IconArrowDown size={18} aria-hidden />
          </ActionIcon>
          <ActionIcon
            variant="light"
            color="red"
            size="lg"
            onClick={onRemove}
            disabled={count === 1}
            aria-label={t('surveys.designer.remove', { n: number })}
          >
            <IconTrash size={18} aria-hidden />
          </ActionIcon>
        </Group>
      </Group>
      <Stack gap="xs">
        <Select
          label={t('surveys.designer.kind')}
          data={questionKinds.map((k) => ({ value: k, label: t(`surveys.kinds.${k}`) }))}
          value={q.kind}
          onChange={(v) => v && setKind(v as QuestionKind)}
          allowDeselect={false}
        />
        <TextInput
          label={t('surveys.designer.labelAr')}
          value={q.labelAr}
          onChange={(e) => onChange({ labelAr: e.currentTarget.value })}
          maxLength={300}
          required
          error={err('labelAr')}
        />
        <TextInput
          label={t('surveys.designer.labelEn')}
          value={q.labelEn}
          onChange={(e) => onChange({ labelEn: e.currentTarget.value })}
          maxLength={300}
          dir="ltr"
          required
          error={err('labelEn')}
        />
        <Checkbox
          label={t('surveys.designer.required')}
          checked={q.required}
          onChange={(e) => onChange({ required: e.currentTarget.checked })}
        />
        {choiceKinds.includes(q.kind) && (
          <OptionsEditor
            options={q.options ?? []}
            questionNumber={number}
            error={
              err('options') ??
              (Object.keys(errors).some((k) => k.startsWith(`questions.${index}.options.`))
                ? t('surveys.designer.errors.OPTIONS_REQUIRED')
                : undefined)
            }
            onChange={(options) => onChange({ options })}
          />
        )}
      </Stack>
    </Card>
  );
}

interface OptionsProps {
  options: Option[];
  questionNumber: string;
  error?: string;
  onChange: (next: Option[]) => void;
}

function OptionsEditor({ options, questionNumber, error, onChange }: OptionsProps) {
  const { t } = useTranslation();
  const format = useNumberFormat();
  const set = (index: number, patch: Partial<Option>) =>
    onChange(options.map((o, i) => (i === index ? { ...o, ...patch } : o)));
  return (
    <Stack gap="xs" ps="sm" style={{ borderInlineStart: '2px solid var(--mantine-color-default-border)' }}>
      <Text size="sm" fw={600}>
        {t('surveys.designer.options')}
      </Text>
      {options.map((o, index) => {
        const n = format.number(index + 1);
        return (
          <Group key={o.id} gap="xs" align="flex-end" wrap="wrap">
            <TextInput
              label={t('surveys.designer.optionAr', { n })}
              value={o.labelAr}
              onChange={(e) => set(index, { labelAr: e.currentTarget.value })}
              maxLength={120}
              style={{ flex: '1 1 10rem' }}
            />
            <TextInput
              label={t('surveys.designer.optionEn', { n })}
              value={o.labelEn}
              onChange={(e) => set(index, { labelEn: e.currentTarget.value })}
              maxLength={120}
              dir="ltr"
              style={{ flex: '1 1 10rem' }}
            />
            <ActionIcon
              variant="light"
              color="red"
              size="lg"
              mb={2}
              disabled={options.length <= 2}
              onClick={() => onChange(options.filter((_, i) => i !== index))}
              aria-label={t('surveys.designer.removeOption', { n, q: questionNumber })}
            >
              <IconTrash size={18} aria-hidden />
            </ActionIcon>
          </Group>
        );
      })}
      {error && (
        <Text size="sm" c="red" role="alert">
          {error}
        </Text>
      )}
      <Group>
        <Button
          size="xs"
          variant="subtle"
          leftSection={<IconPlus size={14} aria-hidden />}
          disabled={options.length >= 12}
          onClick={() =>
            onChange([
              ...options,
              {
                id: freeKey(
                  'o',
                  options.map((o) => o.id),
                ),
                labelAr: '',
                labelEn: '',
              },
            ])
          }
        >
          {t('surveys.designer.addOption')}
        </Button>
      </Group>
    </Stack>
  );
}
