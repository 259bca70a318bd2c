// The address (search) parameters of this feature's pages. Kept apart from the pages so that the router
// can validate an address without loading the page's code (pages are loaded lazily, decision 013).

export interface TaskSearch {
  requestId?: string;
}

export const validateTaskSearch = (search: Record<string, unknown>): TaskSearch => ({
  requestId: typeof search.requestId === 'string' ? search.requestId : undefined,
});
