import { can, type Action } from '../../../src/core/permissions';
import { useSession } from './session';

export type { Action };

/**
 * May the signed-in user do `action`? Read from the same table the server enforces
 * (src/core/permissions.ts), so a button is shown exactly to the roles the API lets through.
 */
export function useCan(action: Action): boolean {
  const { me } = useSession();
  return can(me, action);
}
