import { notifications } from '@mantine/notifications';
import { i18n } from '../../i18n';

/** A short notice whose close button is named (axe: button-name), in the UI language. */
export function notify(message: string, color: 'teal' | 'red' = 'teal') {
  notifications.show({ color, message, closeButtonProps: { 'aria-label': i18n.t('inquiries.closeNotice') } });
}
