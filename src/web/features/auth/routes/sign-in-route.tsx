import { useQueryClient } from '@tanstack/react-query';
import { useNavigate, useSearch } from '@tanstack/react-router';
import type { Me } from '../../../../shared/contracts/auth';
import { meQueryKey } from '../../../lib/session';
import type { SignInSearch } from '../sign-in-search';
import { SignInPage } from './sign-in-page';

/**
 * The sign-in page inside the router (after signing out, or when a session expires): a new session
 * starts with an empty cache, then the page asked for (`redirect`) or the home page opens. When the
 * address is opened directly, main.tsx shows the page before the router instead (decision 026).
 */
export function SignInRoute() {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const search = useSearch({ strict: false }) as SignInSearch;
  const onSignedIn = async (me: Me) => {
    // A new session: nothing cached for a previous user may leak into it.
    queryClient.clear();
    queryClient.setQueryData(meQueryKey, me);
    await navigate({ to: search.redirect ?? '/' });
  };
  return <SignInPage search={search} onSignedIn={onSignedIn} />;
}
