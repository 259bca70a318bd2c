import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { IconMapPin } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

export interface CapturedLocation {
  lat: number;
  lng: number;
  accuracy: number;
  capturedAt: string;
}

export function isCapturedLocation(value: unknown): value is CapturedLocation {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as CapturedLocation).lat === 'number' &&
    typeof (value as CapturedLocation).lng === 'number'
  );
}

/** Records where the visit took place, when the phone can tell and the researcher allows it. */
export function LocationField({
  value,
  onChange,
}: {
  value: unknown;
  onChange: (value: CapturedLocation) => void;
}) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const supported = typeof navigator !== 'undefined' && 'geolocation' in navigator;

  const capture = () => {
    setProblem(null);
    setBusy(true);
    navigator.geolocation.getCurrentPosition(
      (pos) => {
        setBusy(false);
        onChange({
          lat: Number(pos.coords.latitude.toFixed(6)),
          lng: Number(pos.coords.longitude.toFixed(6)),
          accuracy: Math.round(pos.coords.accuracy),
          capturedAt: new Date().toISOString(),
        });
      },
      (error) => {
        setBusy(false);
        setProblem(
          error.code === error.PERMISSION_DENIED
            ? t('verification.task.locationDenied')
            : error.code === error.TIMEOUT
              ? t('verification.task.locationTimeout')
              : t('verification.task.locationUnavailable'),
        );
      },
      { enableHighAccuracy: true, timeout: 15_000, maximumAge: 60_000 },
    );
  };

  return (
    <Stack gap="xs">
      {isCapturedLocation(value) && (
        <Text size="sm">
          {t('verification.task.locationCaptured', { accuracy: value.accuracy })}{' '}
          <bdi dir="ltr" className="ltr-value">
            {value.lat}, {value.lng}
          </bdi>
        </Text>
      )}
      {supported ? (
        <Group>
          <Button
            variant="light"
            size="md"
            leftSection={<IconMapPin size={20} aria-hidden />}
            onClick={capture}
            loading={busy}
            fullWidth
          >
            {isCapturedLocation(value)
              ? t('verification.task.locationAgain')
              : t('verification.task.locationButton')}
          </Button>
        </Group>
      ) : (
        <Text size="sm" c="dimmed">
          {t('verification.task.locationUnsupported')}
        </Text>
      )}
      {problem && (
        <Alert color="orange" variant="light" role="status">
          {problem}
        </Alert>
      )}
    </Stack>
  );
}
