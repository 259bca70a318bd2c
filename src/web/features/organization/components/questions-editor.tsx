import {
  ActionIcon,
  Button,
  Card,
  Group,
  Input,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconPlus, IconTrash, IconX } from '@tabler/icons-react';
import { Controller, type FieldError, type UseFormSetValue, useFieldArray, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { OrganizationSettings } from '../../../../shared/contracts/organization';
import type { SectionProps, SettingsFormValues } from './settings-form';

type Question = OrganizationSettings['interviewQuestions'][number];
type QuestionType = Question['type'];
export type QuestionListName = 'interviewQuestions' | 'fieldVisitChecklist';

const questionTypes: QuestionType[] = ['text', 'number', 'yes_no', 'choice'];
const maxQuestions = 40;
const maxOptions = 12;

interface QuestionsEditorProps extends SectionProps {
  list: QuestionListName;
  savedIds: ReadonlySet<string>;
  setValue: UseFormSetValue<SettingsFormValues>;
}

/**
 * The structured form of the personal interview or the field visit: each question has a fixed id (answers
 * are stored under it), Arabic and English wording, a type, and for a choice the options offered.
 */
export function QuestionsEditor({
  control,
  register,
  errors,
  list,
  savedIds,
  setValue,
}: QuestionsEditorProps) {
  const { t } = useTranslation();
  const name = `settings.${list}` as const;
  // Questions carry their own `id`, so the field array keeps its row keys under `key`.
  const { fields, append, remove, move } = useFieldArray({ control, name, keyName: 'key' });
  const values = useWatch({ control, name });
  const listErrors = errors.settings?.[list];

  return (
    <Stack gap="sm">
      {fields.length === 0 && (
        <Text size="sm" c="dimmed">
          {t(`settings.${list}.empty`)}
        </Text>
      )}
      {fields.map((field, index) => {
        const rowErrors = listErrors?.[index];
        const isNew = !savedIds.has(field.id);
        const label = values?.[index]?.labelAr || field.labelAr || field.id || String(index + 1);
        const type = values?.[index]?.type ?? field.type;
        return (
          <Card key={field.key} withBorder padding="sm" component="fieldset" aria-label={label}>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <TextInput
                label={t('settings.questions.id')}
                description={isNew ? t('settings.lists.codeHint') : undefined}
                dir="ltr"
                readOnly={!isNew}
                variant={isNew ? 'default' : 'filled'}
                {...register(`${name}.${index}.id`)}
                error={rowErrors?.id?.message}
              />
              <Controller
                control={control}
                name={`${name}.${index}.type`}
                render={({ field: typeField }) => (
                  <Select
                    label={t('settings.questions.type')}
                    data={questionTypes.map((value) => ({
                      value,
                      label: t(`settings.questions.types.${value}`),
                    }))}
                    allowDeselect={false}
                    value={typeField.value}
                    onChange={(value) => {
                      if (!value) return;
                      typeField.onChange(value);
                      const options = values?.[index]?.options;
                      // A choice needs options to choose from; other types carry none.
                      if (value === 'choice' && !options?.length) {
                        setValue(`${name}.${index}.options`, ['', ''], { shouldDirty: true });
                      } else if (value !== 'choice' && options) {
                        // Hidden empty options would block saving; filled ones come back if it turns choice again.
                        setValue(
                          `${name}.${index}.options`,
                          options.filter((o) => o.trim() !== ''),
                          { shouldDirty: true },
                        );
                      }
                    }}
                    onBlur={typeField.onBlur}
                    ref={typeField.ref}
                  />
                )}
              />
              <TextInput
                label={t('settings.questions.labelAr')}
                dir="rtl"
                {...register(`${name}.${index}.labelAr`)}
                error={rowErrors?.labelAr?.message}
              />
              <TextInput
                label={t('settings.questions.labelEn')}
                dir="ltr"
                {...register(`${name}.${index}.labelEn`)}
                error={rowErrors?.labelEn?.message}
              />
            </SimpleGrid>
            {type === 'choice' && (
              <Controller
                control={control}
                name={`${name}.${index}.options`}
                render={({ field: optionsField }) => (
                  <OptionsEditor
                    question={label}
                    value={optionsField.value ?? []}
                    onChange={optionsField.onChange}
                    errors={rowErrors?.options as OptionErrors | undefined}
                  />
                )}
              />
            )}
            <Group justify="space-between" mt="sm">
              <Group gap={4}>
                <ActionIcon
                  variant="subtle"
                  color="gray"
                  onClick={() => move(index, index - 1)}
                  disabled={index === 0}
                  aria-label={t('settings.questions.moveUp', { name: label })}
                >
                  <IconArrowUp size={18} aria-hidden />
                </ActionIcon>
                <ActionIcon
                  variant="subtle"
                  color="gray"
                  onClick={() => move(index, index + 1)}
                  disabled={index === fields.length - 1}
                  aria-label={t('settings.questions.moveDown', { name: label })}
                >
                  <IconArrowDown size={18} aria-hidden />
                </ActionIcon>
              </Group>
              <ActionIcon
                variant="subtle"
                color="red"
                onClick={() => remove(index)}
                aria-label={t('settings.questions.remove', { name: label })}
              >
                <IconTrash size={18} aria-hidden />
              </ActionIcon>
            </Group>
          </Card>
        );
      })}
      <Group>
        <Button
          variant="light"
          leftSection={<IconPlus size={18} aria-hidden />}
          disabled={fields.length >= maxQuestions}
          onClick={() => append({ id: '', labelAr: '', labelEn: '', type: 'yes_no' })}
        >
          {t(`settings.${list}.add`)}
        </Button>
      </Group>
    </Stack>
  );
}

/** Errors of a string array: per option by index, and one for the list as a whole. */
type OptionErrors = Record<number, FieldError | undefined> & { message?: string; root?: FieldError };

function OptionsEditor({
  question,
  value,
  onChange,
  errors,
}: {
  question: string;
  value: string[];
  onChange: (value: string[]) => void;
  errors: OptionErrors | undefined;
}) {
  const { t } = useTranslation();
  const listError = errors?.message ?? errors?.root?.message;
  return (
    <Input.Wrapper
      label={t('settings.questions.options')}
      description={t('settings.questions.optionsHint')}
      error={listError}
      mt="sm"
    >
      <Stack gap={6} mt={6}>
        {value.map((option, index) => (
          // Options are plain strings with no id of their own; the position is their identity here.
          // biome-ignore lint/suspicious/noArrayIndexKey: see above
          <Group key={index} gap={6} wrap="nowrap" align="flex-start">
            <TextInput
              style={{ flex: 1 }}
              dir="rtl"
              aria-label={t('settings.questions.option', { n: index + 1, question })}
              value={option}
              onChange={(e) => onChange(value.map((v, i) => (i === index ? e.currentTarget.value : v)))}
              error={errors?.[index]?.message}
            />
            <ActionIcon
              variant="subtle"
              color="red"
              mt={6}
              onClick={() => onChange(value.filter((_, i) => i !== index))}
              aria-label={t('settings.questions.removeOption', { n: index + 1, question })}
            >
              <IconX size={16} aria-hidden />
            </ActionIcon>
          </Group>
        ))}
        <Group>
          <Button
            size="xs"
            variant="subtle"
            leftSection={<IconPlus size={16} aria-hidden />}
            disabled={value.length >= maxOptions}
            onClick={() => onChange([...value, ''])}
          >
            {t('settings.questions.addOption')}
          </Button>
        </Group>
      </Stack>
    </Input.Wrapper>
  );
}
