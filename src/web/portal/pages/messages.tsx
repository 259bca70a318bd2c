import { Icon } from '../components/icon';
import { DualDate } from '../components/status';
import { BackLink, EmptyState, ErrorState, PageTitle, Skeleton } from '../components/ui';
import { useT } from '../i18n';
import { api } from '../lib/api';
import { useLoad } from '../lib/use-load';

interface Message {
  id: string;
  channel: string;
  body: string;
  status: string;
  createdAt: string;
}

/** Every message the association sent to the person, newest first (one-time codes shown masked). */
export default function Messages() {
  const t = useT();
  const messages = useLoad('messages', (signal) => api<{ items: Message[] }>('/messages', { signal }));
  const items = messages.data?.items ?? [];
  return (
    <>
      <BackLink />
      <PageTitle lead={t('messages.lead')}>{t('messages.title')}</PageTitle>
      {messages.error ? <ErrorState error={messages.error} onRetry={messages.reload} /> : null}
      {!messages.data && !messages.error ? <Skeleton lines={3} block /> : null}
      {messages.data && items.length === 0 ? (
        <EmptyState icon="mail">{t('messages.empty')}</EmptyState>
      ) : null}
      <ul className="plain-list">
        {items.map((m) => (
          <li key={m.id} className="card">
            <p className="card-title">
              <span>
                <Icon name="mail" /> {t(`messages.channel.${m.channel}`)}
              </span>
            </p>
            <p className="muted">
              <DualDate value={m.createdAt} withTime />
            </p>
            <p className="pre-wrap">{m.body}</p>
          </li>
        ))}
      </ul>
    </>
  );
}
