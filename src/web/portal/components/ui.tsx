import {
  type ButtonHTMLAttributes,
  type ComponentProps,
  type ReactNode,
  useEffect,
  useId,
  useRef,
} from 'react';
import { useT } from '../i18n';
import { errorText } from '../lib/api';
import { Link } from '../lib/router';
import { Icon, type IconName } from './icon';

// The portal's building blocks: big buttons and fields (48 px and more), one heading per screen,
// loading, empty and error states. Plain CSS in portal.css, logical properties only.

type Variant = 'primary' | 'secondary' | 'danger' | 'plain';

export function Button({
  icon,
  variant = 'primary',
  busy,
  children,
  className,
  disabled,
  type = 'button',
  ...rest
}: ButtonHTMLAttributes<HTMLButtonElement> & { icon?: IconName; variant?: Variant; busy?: boolean }) {
  return (
    <button
      type={type}
      className={`btn btn-${variant}${className ? ` ${className}` : ''}`}
      disabled={disabled || busy}
      aria-busy={busy || undefined}
      {...rest}
    >
      {busy ? <span className="spinner" aria-hidden="true" /> : icon ? <Icon name={icon} /> : null}
      <span>{children}</span>
    </button>
  );
}

export function ButtonLink({
  to,
  icon,
  variant = 'primary',
  children,
  className,
}: {
  to: string;
  icon?: IconName;
  variant?: Variant;
  children: ReactNode;
  className?: string;
}) {
  return (
    <Link to={to} className={`btn btn-${variant}${className ? ` ${className}` : ''}`}>
      {icon ? <Icon name={icon} /> : null}
      <span>{children}</span>
    </Link>
  );
}

/** The screen's one heading, focused when the screen opens so screen readers announce it. */
export function PageTitle({ children, lead }: { children: ReactNode; lead?: ReactNode }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (document.body.dataset.navigated) ref.current?.focus({ preventScroll: true });
  }, []);
  return (
    <div className="page-title">
      <h1 ref={ref} tabIndex={-1}>
        {children}
      </h1>
      {lead ? <p className="lead">{lead}</p> : null}
    </div>
  );
}

export function BackLink({ to = '/', children }: { to?: string; children?: ReactNode }) {
  const t = useT();
  return (
    <Link to={to} className="back-link">
      <Icon name="back" className="flip-ltr" />
      <span>{children ?? t('common.backHome')}</span>
    </Link>
  );
}

export function TextField({
  label,
  hint,
  error,
  ...input
}: ComponentProps<'input'> & { label: ReactNode; hint?: ReactNode; error?: string }) {
  const id = useId();
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      <input
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy || undefined}
        {...input}
      />
      {error ? <FieldError id={`${id}-error`}>{error}</FieldError> : null}
    </div>
  );
}

export function FieldError({ id, children }: { id?: string; children: ReactNode }) {
  return (
    <p className="field-error" id={id}>
      <Icon name="alert" />
      <span>{children}</span>
    </p>
  );
}

/** A message block: information, good news, something to fix, or an error. */
export function Notice({
  tone = 'info',
  title,
  children,
  role,
}: {
  tone?: 'info' | 'success' | 'warning' | 'error';
  title?: ReactNode;
  children?: ReactNode;
  role?: 'alert' | 'status';
}) {
  const icon: IconName =
    tone === 'success' ? 'check' : tone === 'warning' ? 'alert' : tone === 'error' ? 'alert' : 'info';
  return (
    <div className={`notice notice-${tone}`} role={role}>
      <Icon name={icon} />
      <div>
        {title ? <p className="notice-title">{title}</p> : null}
        {children}
      </div>
    </div>
  );
}

/** What went wrong, in plain words, with a button to try again. */
export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const t = useT();
  return (
    <div className="notice notice-error" role="alert">
      <Icon name="alert" />
      <div>
        <p className="notice-title">{errorText(error)}</p>
        {onRetry ? (
          <Button variant="secondary" icon="refresh" onClick={onRetry}>
            {t('common.retry')}
          </Button>
        ) : null}
      </div>
    </div>
  );
}

export function EmptyState({ icon, children }: { icon: IconName; children: ReactNode }) {
  return (
    <div className="empty">
      <Icon name={icon} />
      <p>{children}</p>
    </div>
  );
}

/** Grey blocks in the shape of what is coming, while it loads. */
export function Skeleton({ lines = 3, block = false }: { lines?: number; block?: boolean }) {
  const t = useT();
  return (
    <div className="skeleton" aria-busy="true">
      <span className="visually-hidden" role="status">
        {t('common.loading')}
      </span>
      {Array.from({ length: lines }, (_, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: placeholders have no identity
        <div key={i} className={block ? 'skeleton-block' : 'skeleton-line'} />
      ))}
    </div>
  );
}

/** A question to confirm before something that cannot be undone (withdrawing a request). */
export function ConfirmDialog({
  open,
  title,
  children,
  confirmLabel,
  onConfirm,
  onCancel,
  busy,
}: {
  open: boolean;
  title: string;
  children?: ReactNode;
  confirmLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
  busy?: boolean;
}) {
  const t = useT();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog ref={ref} className="dialog" aria-labelledby={titleId} onCancel={onCancel}>
      <h2 id={titleId}>{title}</h2>
      {children}
      <div className="actions">
        <Button variant="danger" onClick={onConfirm} busy={busy}>
          {confirmLabel}
        </Button>
        <Button variant="secondary" onClick={onCancel} disabled={busy}>
          {t('common.cancel')}
        </Button>
      </div>
    </dialog>
  );
}
