import { ActionIcon, Button, Group, Input, Stack, TextInput } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useId } from 'react';

interface LinesEditorProps {
  label: string;
  description?: string;
  value: string[];
  onChange: (value: string[]) => void;
  addLabel: string;
  /** Accessible name of each line's input, given its 1-based position. */
  lineLabel: (position: number) => string;
  /** Accessible name of each line's remove button, given its 1-based position. */
  removeLabel: (position: number) => string;
  error?: string;
  max?: number;
  required?: boolean;
}

/** An ordered list of short text lines (a checklist, missing items): add, edit and remove lines. */
export function LinesEditor({
  label,
  description,
  value,
  onChange,
  addLabel,
  lineLabel,
  removeLabel,
  error,
  max = 20,
  required,
}: LinesEditorProps) {
  const id = useId();
  const set = (index: number, text: string) => onChange(value.map((line, i) => (i === index ? text : line)));
  const remove = (index: number) => onChange(value.filter((_, i) => i !== index));
  return (
    <Input.Wrapper
      label={label}
      description={description}
      error={error}
      required={required}
      labelProps={{ id: `${id}-label`, htmlFor: undefined }}
    >
      <Stack gap="xs" mt={4} role="group" aria-labelledby={`${id}-label`}>
        {value.map((line, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: lines are edited in place; their position is their identity
          <Group key={index} gap="xs" wrap="nowrap">
            <TextInput
              aria-label={lineLabel(index + 1)}
              value={line}
              onChange={(e) => set(index, e.currentTarget.value)}
              style={{ flex: 1 }}
              error={Boolean(error) && !line.trim()}
            />
            <ActionIcon
              variant="subtle"
              color="red"
              size="lg"
              onClick={() => remove(index)}
              aria-label={removeLabel(index + 1)}
            >
              <IconTrash size={18} aria-hidden />
            </ActionIcon>
          </Group>
        ))}
        {value.length < max && (
          <Button
            variant="light"
            size="xs"
            leftSection={<IconPlus size={16} aria-hidden />}
            onClick={() => onChange([...value, ''])}
            style={{ alignSelf: 'flex-start' }}
          >
            {addLabel}
          </Button>
        )}
      </Stack>
    </Input.Wrapper>
  );
}
