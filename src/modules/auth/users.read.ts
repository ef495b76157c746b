import { QueryBuilder } from 'drizzle-orm/pg-core';
import { users } from './auth.schema.js';

/**
 * The auth module's published read model: a user's id and display name, for lists that show who did
 * something (the payments list's "recorded by"). Read-only, two columns; the rest stays behind auth.
 */
export const userNames = new QueryBuilder()
  .select({ id: users.id, displayName: users.displayName })
  .from(users)
  .as('user_names');
