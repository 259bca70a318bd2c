import { Notifications } from '@mantine/notifications';

/** Where notices appear; loaded after the first screen (app.tsx, decision 026). */
export default function AppNotifications() {
  return <Notifications position="top-center" />;
}
