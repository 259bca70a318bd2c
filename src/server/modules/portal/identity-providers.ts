/**
 * A national identity provider (Nafath, نفاذ — the National Single Sign-On of the National Information
 * Center): the person approves the sign-in in the provider's own app, and the provider tells us which
 * national ID approved it. Not implemented: using Nafath needs an agreement with the provider (or an
 * accredited integrator), credentials and a callback address registered with it — none of which a build
 * of this code can hold. The portal signs in with a one-time code by SMS until an association has them;
 * an implementation of this interface is then one more way into the same portal session
 * (docs/decisions/015-beneficiary-portal.md).
 */
export interface IdentityProvider {
  /** A stable name, recorded in the audit event of the sign-in (e.g. `nafath`). */
  readonly name: string;
  /**
   * Starts a verification for a national ID of an association. `challenge` is what the person must pick or
   * confirm in the provider's app (Nafath shows a two-digit number), shown on our page meanwhile.
   */
  start(input: {
    organizationId: string;
    nationalId: string;
  }): Promise<{ transactionId: string; challenge: string | null; expiresAt: Date }>;
  /**
   * The outcome of a verification: `verified` carries the national ID the provider vouches for, which must
   * be the one the verification was started for before a portal session is created.
   */
  outcome(
    transactionId: string,
  ): Promise<
    | { status: 'pending' | 'rejected' | 'expired' }
    | { status: 'verified'; nationalId: string; verifiedAt: Date }
  >;
}
