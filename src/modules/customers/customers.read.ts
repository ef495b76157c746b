import { QueryBuilder } from 'drizzle-orm/pg-core';
import { customers } from './customers.schema.js';

/**
 * The customers module's published read model: a customer's id and name, for other modules' repositories
 * to join when a list shows whose row it is (and sorts by it) in one query. Only these two columns, read-only:
 * the rest of the customers table (KYC, status, contacts) stays behind the customers service.
 * Postgres inlines this subquery, so the join plans exactly as a join on the table would.
 */
export const customerNames = new QueryBuilder()
  .select({ id: customers.id, name: customers.name })
  .from(customers)
  .as('customer_names');
