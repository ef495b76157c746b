import type { KycRow } from './kyc.repository.js';

/** What the customers module tells other modules, inside the transaction of the change (src/core/reactions.ts). */
declare module '../../core/reactions.js' {
  interface DomainEvents {
    /** A KYC document was verified (5.10, 反电信网络诈骗法 art. 21): the customer's real-name record changed (issue 22). */
    'customers.identityVerified': { customerId: string; documentId: string; kind: KycRow['kind'] };
  }
}
