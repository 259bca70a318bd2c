import { type DigitStyle, defaultDigitStyle, digitStyles } from '../../shared/digits';

// The association's digit style (organization settings → digitStyle, decision 014), for everything the
// web shows. It arrives with `GET /auth/me`; the last one seen is kept in localStorage so the sign-in
// page and the first paint after a reload already use it.
const storageKey = 'wasl.digitStyle';

function stored(): DigitStyle {
  try {
    const value = localStorage.getItem(storageKey);
    return digitStyles.find((s) => s === value) ?? defaultDigitStyle;
  } catch {
    return defaultDigitStyle;
  }
}

let current: DigitStyle = stored();
const listeners = new Set<() => void>();

export function organizationDigitStyle(): DigitStyle {
  return current;
}

export function setOrganizationDigitStyle(style: DigitStyle): void {
  if (style === current) return;
  current = style;
  try {
    localStorage.setItem(storageKey, style);
  } catch {
    // Private mode: the style lasts for this tab only.
  }
  for (const listener of listeners) listener();
}

/** Calls `listener` whenever the style changes; returns the unsubscribe function. */
export function onDigitStyleChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}
