import type { CommissioningRow, ContractRow } from './contracts.repository.js';

/** What the contracts module tells and asks other modules, inside the transaction of the change (src/core/reactions.ts). */
declare module '../../core/reactions.js' {
  interface DomainEvents {
    /** 第十三条: one side objected to the renewal — a formal notice to the other side. */
    'contracts.renewalObjected': ContractRow;
    /** Issue 20 §5: a commissioning order still open on its deadline day (5.1); raised every hourly check while it is. */
    'contracts.commissioningAtRisk': { order: CommissioningRow; contractNumber: string };
    /**
     * Issue 18 §4: a contract's status changed (drafted, sent, signed, activated, ended, terminated); with it the
     * statuses of all this customer's contracts, so the customer's own status can follow them in the same transaction.
     */
    'contracts.statusChanged': { customerId: string; contractId: string; from: ContractRow['status'] | null; to: ContractRow['status']; statuses: ContractRow['status'][] };
  }
  interface DomainQuestions {
    /**
     * 7.1: a racked server would activate this customer's contract. Each module that owns a further
     * precondition (5.5: compliance's log-retention attestation) answers with what is missing, as
     * field names with an i18n key under contracts.gap; no answer means no objection.
     */
    'contracts.activationBlockers': { subject: { customerId: string }; answer: string };
  }
}
