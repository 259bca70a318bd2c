// The address (search) parameters of this feature's pages. Kept apart from the pages so that the router
// can validate an address without loading the page's code (pages are loaded lazily, decision 013).
import { requestQueues } from '../../../../shared/contracts/search-values';
import type { RequestQueue } from '../api';

/** The work queue, its filters and its order live in the address, so going back keeps the place. */
export interface QueuesSearch {
  queue?: RequestQueue;
  serviceId?: string;
  overdue?: boolean;
  sort?: 'oldest' | 'newest';
}

export function validateQueuesSearch(search: Record<string, unknown>): QueuesSearch {
  return {
    queue: requestQueues.includes(search.queue as RequestQueue) ? (search.queue as RequestQueue) : undefined,
    serviceId: typeof search.serviceId === 'string' ? search.serviceId : undefined,
    overdue: search.overdue === true || search.overdue === 'true' ? true : undefined,
    sort: search.sort === 'newest' ? 'newest' : undefined,
  };
}

export interface NewRequestSearch {
  beneficiaryId?: string;
}

export function validateNewRequestSearch(search: Record<string, unknown>): NewRequestSearch {
  return { beneficiaryId: typeof search.beneficiaryId === 'string' ? search.beneficiaryId : undefined };
}

export interface RequestSearch {
  /** Set once, right after the request was submitted, to confirm what the beneficiary was told. */
  created?: boolean;
}

export function validateRequestSearch(search: Record<string, unknown>): RequestSearch {
  return { created: search.created === true || search.created === 'true' ? true : undefined };
}
