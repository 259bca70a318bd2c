import { Button, FileButton, Group, Image, Input, Paper, Stack, Text } from '@mantine/core';
import { IconPhotoUp, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

const maxBytes = 300 * 1024;
const accepted = ['image/png', 'image/jpeg', 'image/webp'];

function readAsDataUrl(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

interface LogoFieldProps {
  value: string | null;
  onChange: (value: string | null) => void;
  error?: string;
}

/** The organization's logo, stored as a data URL (PNG, JPEG or WebP, at most ~300 KB). */
export function LogoField({ value, onChange, error }: LogoFieldProps) {
  const { t } = useTranslation();
  const [localError, setLocalError] = useState<string | null>(null);

  const onFile = async (file: File | null) => {
    if (!file) return;
    if (!accepted.includes(file.type)) {
      setLocalError(t('settings.logo.wrongType'));
      return;
    }
    if (file.size > maxBytes) {
      setLocalError(t('settings.logo.tooLarge'));
      return;
    }
    setLocalError(null);
    onChange(await readAsDataUrl(file));
  };

  return (
    <Input.Wrapper
      label={t('settings.logo.label')}
      description={t('settings.logo.hint')}
      error={localError ?? error}
    >
      <Group mt="xs" gap="md" align="center">
        <Paper withBorder w={96} h={96} radius="md" p={4} style={{ display: 'grid', placeItems: 'center' }}>
          {value ? (
            <Image src={value} alt={t('settings.logo.preview')} fit="contain" w="100%" h="100%" />
          ) : (
            <Text size="xs" c="dimmed" ta="center">
              {t('settings.logo.none')}
            </Text>
          )}
        </Paper>
        <Stack gap="xs">
          <FileButton onChange={(file) => void onFile(file)} accept={accepted.join(',')}>
            {(props) => (
              <Button {...props} variant="light" leftSection={<IconPhotoUp size={18} aria-hidden />}>
                {value ? t('settings.logo.replace') : t('settings.logo.upload')}
              </Button>
            )}
          </FileButton>
          {value && (
            <Button
              variant="subtle"
              color="red"
              leftSection={<IconTrash size={18} aria-hidden />}
              onClick={() => onChange(null)}
            >
              {t('settings.logo.remove')}
            </Button>
          )}
        </Stack>
      </Group>
    </Input.Wrapper>
  );
}
