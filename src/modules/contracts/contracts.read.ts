import { QueryBuilder } from 'drizzle-orm/pg-core';
import { contracts } from './contracts.schema.js';

/**
 * The contracts module's published read model: what other modules' repositories may join to say which
 * contract a row belongs to and where its term stands (billing: the invoice's contract number and terms,
 * the expiring list). Read-only and only these columns; everything else about a contract, and every
 * write, stays behind the contracts service. Postgres inlines the subquery, so the join plans as a join
 * on the table would.
 */
export const contractFacts = new QueryBuilder()
  .select({
    id: contracts.id,
    number: contracts.number,
    customerId: contracts.customerId,
    status: contracts.status,
    terms: contracts.terms,
    termStart: contracts.termStart,
    termEnd: contracts.termEnd,
    annualFeeFen: contracts.annualFeeFen,
    nonRenewalNoticedAt: contracts.nonRenewalNoticedAt,
  })
  .from(contracts)
  .as('contract_facts');
