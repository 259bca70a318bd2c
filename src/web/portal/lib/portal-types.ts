// The answers of the portal API as the screens use them: types only (no zod in the portal's code).
export type {
  PortalDeclaration,
  PortalDocument,
} from '../../../shared/contracts/portal-registration';
export type {
  PortalEligibility,
  PortalMissingItem,
  PortalMyData,
  PortalRequest,
  PortalRequestSummary,
  PortalService,
} from '../../../shared/contracts/portal-requests';

export interface Items<T> {
  items: T[];
}
