import { createContext, useContext } from 'react';
import type { PortalMe, PortalOrganization } from '../../../shared/contracts/portal';

// The association the portal belongs to and the person signed in (null: nobody; undefined: not known yet).

export interface Session {
  organization: PortalOrganization;
  me: PortalMe | null | undefined;
  /** After signing in or registering: the server's answer. */
  signedIn(me: PortalMe): void;
  /** After a change of the record (a profile saved, a registration sent). */
  setMe(me: PortalMe): void;
  signOut(): Promise<void>;
}

export const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside the portal');
  return session;
}

/** The signed-in person; the screens that call this are shown only to them. */
export function useMe(): PortalMe {
  const { me } = useSession();
  if (!me) throw new Error('useMe without a signed-in person');
  return me;
}

// The cookie is httpOnly: the page cannot see it. A note of "signed in here" saves a call (and a 401
// in the console) on the first visit of someone who never signed in.
const hintKey = 'wasl.portal.signedIn';

export function hasSessionHint(slug: string): boolean {
  try {
    return localStorage.getItem(hintKey) === slug;
  } catch {
    return true;
  }
}

export function setSessionHint(slug: string | null): void {
  try {
    if (slug) localStorage.setItem(hintKey, slug);
    else localStorage.removeItem(hintKey);
  } catch {
    // private mode
  }
}
