/** The sign-in page's address: `?email=` (filled in), `?redirect=` (where to go after), `?setup=true`. */
export interface SignInSearch {
  email?: string;
  redirect?: string;
  setup?: boolean;
}

/**
 * The router's check of the sign-in page's search (app/router.tsx), also used by main.tsx when the page
 * shows before the router (on the search as the router parses it, `defaultParseSearch`).
 */
export function validateSignInSearch(search: Record<string, unknown>): SignInSearch {
  return {
    email: typeof search.email === 'string' ? search.email : undefined,
    redirect:
      typeof search.redirect === 'string' && search.redirect.startsWith('/') ? search.redirect : undefined,
    setup: search.setup === true || search.setup === 'true' || search.setup === 1 ? true : undefined,
  };
}
