import type { IncidentRow } from './incidents.repository.js';

/** What the incidents module tells other modules, inside the transaction of the change (src/core/reactions.ts). */
declare module '../../core/reactions.js' {
  interface DomainEvents {
    /** An incident was opened (by the NOC, an alert or planned work), with how many servers and customers it touches. */
    'incidents.opened': { incident: IncidentRow; servers: number; customers: number };
  }
}
