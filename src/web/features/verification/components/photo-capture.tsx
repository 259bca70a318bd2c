import { ActionIcon, Alert, Badge, Button, Group, Image, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconCamera, IconCloudCheck, IconTrash } from '@tabler/icons-react';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DraftPhoto } from '../draft';
import { photoToDataUrl } from '../draft';

const maxBytes = 10 * 1024 * 1024;

interface PhotoCaptureProps {
  photos: DraftPhoto[];
  onAdd: (photos: DraftPhoto[]) => void;
  onRemove: (localId: string) => void;
  disabled?: boolean;
}

/** Takes photos with the phone's camera (or picks them), kept on the device until the task is sent. */
export function PhotoCapture({ photos, onAdd, onRemove, disabled }: PhotoCaptureProps) {
  const { t } = useTranslation();
  const inputId = useId();
  const [error, setError] = useState<string | null>(null);

  const onFiles = async (files: FileList | null) => {
    setError(null);
    if (!files?.length) return;
    const added: DraftPhoto[] = [];
    for (const file of Array.from(files)) {
      if (!/^image\/(jpeg|png)$/.test(file.type) || file.size > maxBytes) {
        setError(t('verification.task.photoRejected', { name: file.name }));
        continue;
      }
      added.push({
        localId: `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`,
        name: file.name || 'photo.jpg',
        dataUrl: await photoToDataUrl(file),
        uploadedId: null,
      });
    }
    if (added.length) onAdd(added);
  };

  return (
    <Stack gap="sm">
      <input
        id={inputId}
        type="file"
        accept="image/*"
        capture="environment"
        multiple
        className="wasl-visually-hidden"
        disabled={disabled}
        aria-label={t('verification.task.takePhoto')}
        onChange={(e) => {
          void onFiles(e.currentTarget.files);
          e.currentTarget.value = '';
        }}
      />
      <Button
        component="label"
        htmlFor={inputId}
        variant="light"
        size="md"
        fullWidth
        leftSection={<IconCamera size={20} aria-hidden />}
        disabled={disabled}
      >
        {t('verification.task.takePhoto')}
      </Button>
      <Text size="xs" c="dimmed">
        {t('verification.task.photoHint')}
      </Text>
      {error && (
        <Alert color="orange" variant="light" role="alert">
          {error}
        </Alert>
      )}
      {photos.length > 0 && (
        <SimpleGrid cols={3} spacing="xs" aria-label={t('verification.task.photos')}>
          {photos.map((photo, index) => (
            <div key={photo.localId} className="wasl-thumb">
              <Image
                src={photo.dataUrl}
                alt={t('verification.task.photoAlt', { n: index + 1 })}
                radius="sm"
                h={96}
                fit="cover"
              />
              <Group gap={4} justify="space-between" mt={4} wrap="nowrap">
                {photo.uploadedId ? (
                  <Badge size="xs" color="teal" variant="light" leftSection={<IconCloudCheck size={12} />}>
                    {t('verification.task.photoUploaded')}
                  </Badge>
                ) : (
                  <Badge size="xs" color="gray" variant="light">
                    {t('verification.task.photoOnDevice')}
                  </Badge>
                )}
                {!photo.uploadedId && (
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    size="md"
                    onClick={() => onRemove(photo.localId)}
                    aria-label={t('verification.task.removePhoto', { n: index + 1 })}
                    disabled={disabled}
                  >
                    <IconTrash size={16} aria-hidden />
                  </ActionIcon>
                )}
              </Group>
            </div>
          ))}
        </SimpleGrid>
      )}
    </Stack>
  );
}
