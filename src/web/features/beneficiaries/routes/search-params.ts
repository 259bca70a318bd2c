// The address (search) parameters of this feature's pages. Kept apart from the pages so that the router
// can validate an address without loading the page's code (pages are loaded lazily, decision 013).

/** The intake wizard keeps its place in the address, so a reload or the signing screen can return. */
export interface IntakeSearch {
  id?: string;
  nid?: string;
  step?: number;
}

export function validateIntakeSearch(search: Record<string, unknown>): IntakeSearch {
  const step = Number(search.step);
  return {
    id: typeof search.id === 'string' ? search.id : undefined,
    // The router parses `?nid=1000000008` as a number.
    nid: typeof search.nid === 'string' || typeof search.nid === 'number' ? String(search.nid) : undefined,
    step: Number.isInteger(step) && step >= 0 && step <= 5 ? step : undefined,
  };
}

export interface SignSearch {
  returnTo?: 'intake';
}

export function validateSignSearch(search: Record<string, unknown>): SignSearch {
  return { returnTo: search.returnTo === 'intake' ? 'intake' : undefined };
}
