import { z } from 'zod';
import { deliverySchema, historyItemSchema, referralSchema, requestSchema } from './requests';
import { serviceSchema } from './services';
import { verificationTaskSchema } from './verification';

/**
 * What the request page shows, in one answer (`GET /api/v1/requests/:id/page`, decision 013): the
 * request with the actions the reader may take now, its service, history, deliveries and referrals,
 * and — for staff who may read verification — its verification tasks. The explained evaluation, the
 * slowest part to compute, is the page's second call (`GET /api/v1/requests/:id/evaluation`), made at
 * the same time. The beneficiary appears as the request names them (name and file number): the page
 * shows no more.
 */
export const requestPageDataSchema = z.object({
  request: requestSchema,
  service: serviceSchema,
  history: z.array(historyItemSchema),
  deliveries: z.array(deliverySchema),
  referrals: z.array(referralSchema),
  /** null when the reader may not read verification (`verification.read`). */
  verifications: z.array(verificationTaskSchema).nullable(),
});
export type RequestPageData = z.infer<typeof requestPageDataSchema>;
