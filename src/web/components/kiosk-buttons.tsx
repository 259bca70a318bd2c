import { Button } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDeviceTablet } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, errorMessage } from '../lib/api';
import { useCan } from '../lib/session';

/** A rating asked at the counter (`POST /kiosk/invitations`): the kiosk screen shows it next. */
const inviteAtKiosk = (body: { beneficiaryId: string; serviceId?: string }) =>
  api<{ id: string; token: string }>('/kiosk/invitations', { method: 'POST', body });

interface Props {
  beneficiaryId: string;
  serviceId?: string | null;
  size?: 'xs' | 'sm';
}

/** At the counter, once a visit is served: the kiosk screen asks this person for a rating next. */
export function KioskInviteButton({ beneficiaryId, serviceId, size = 'sm' }: Props) {
  const { t } = useTranslation();
  const can = useCan();
  const mutation = useMutation({
    mutationFn: () => inviteAtKiosk({ beneficiaryId, ...(serviceId ? { serviceId } : {}) }),
    onSuccess: () => notifications.show({ color: 'teal', message: t('surveys.kiosk.invited') }),
    onError: (error) => notifications.show({ color: 'red', message: errorMessage(error) }),
  });
  if (!can('surveys.kiosk')) return null;
  return (
    <Button
      size={size}
      variant="light"
      leftSection={<IconDeviceTablet size={16} aria-hidden />}
      loading={mutation.isPending}
      onClick={() => mutation.mutate()}
    >
      {t('surveys.kiosk.ask')}
    </Button>
  );
}

/** Opens the counter's kiosk screen (a page of its own, outside the staff app: a full page load). */
export function OpenKioskLink() {
  const { t } = useTranslation();
  const can = useCan();
  if (!can('surveys.kiosk')) return null;
  return (
    <Button
      component="a"
      href="/kiosk"
      variant="default"
      leftSection={<IconDeviceTablet size={16} aria-hidden />}
    >
      {t('surveys.kiosk.open')}
    </Button>
  );
}
