import { type AnchorHTMLAttributes, type MouseEvent, useSyncExternalStore } from 'react';

// A router of a few lines: the portal has eight screens, all under /p/<slug>, and the first one must
// load fast on a weak connection (no router library in its bundle).

const slugStorageKey = 'wasl.portal.slug';

export interface PortalLocation {
  /** The association's address name, from /p/<slug>; '' at /p/ alone. */
  slug: string;
  /** The path segments after the slug: [] on the first screen, ['requests', '<id>'] … */
  segments: string[];
  search: URLSearchParams;
}

function read(): PortalLocation {
  const parts = window.location.pathname.split('/').filter(Boolean);
  // parts[0] is 'p'
  const slug = decodeURIComponent(parts[1] ?? '').toLowerCase();
  return {
    slug,
    segments: parts.slice(2).map(decodeURIComponent),
    search: new URLSearchParams(window.location.search),
  };
}

let current = read();
const listeners = new Set<() => void>();
const notify = () => {
  current = read();
  for (const listener of listeners) listener();
};
window.addEventListener('popstate', notify);

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useLocation(): PortalLocation {
  return useSyncExternalStore(subscribe, () => current);
}

export function currentSlug(): string {
  return current.slug;
}

/** The full address of a portal path: `/requests/1` → `/p/<slug>/requests/1`. */
export function href(to: string): string {
  const base = `/p/${encodeURIComponent(current.slug)}`;
  return to === '/' || to === '' ? base : `${base}${to.startsWith('/') ? to : `/${to}`}`;
}

/** Goes to a portal path (relative to /p/<slug>), then to the top of the new screen. */
export function navigate(to: string, options: { replace?: boolean } = {}): void {
  const url = href(to);
  if (options.replace) window.history.replaceState(null, '', url);
  else window.history.pushState(null, '', url);
  // The new screen's heading takes the focus (ui.tsx PageTitle), not on the first load.
  document.body.dataset.navigated = '1';
  notify();
  window.scrollTo(0, 0);
}

export function Link({ to, onClick, ...rest }: { to: string } & AnchorHTMLAttributes<HTMLAnchorElement>) {
  const go = (event: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(event);
    if (event.defaultPrevented || event.button !== 0) return;
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(to);
  };
  return <a href={href(to)} onClick={go} {...rest} />;
}

/** The association last opened on this phone: the installed app starts at /p/ and goes back to it. */
export function rememberSlug(slug: string): void {
  try {
    localStorage.setItem(slugStorageKey, slug);
  } catch {
    // private mode
  }
}

export function rememberedSlug(): string | null {
  try {
    return localStorage.getItem(slugStorageKey);
  } catch {
    return null;
  }
}
