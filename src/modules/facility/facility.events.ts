import type { ServerRow } from './facility.repository.js';

/** What the facility module tells other modules, inside the transaction of the change (src/core/reactions.ts). */
declare module '../../core/reactions.js' {
  interface DomainEvents {
    /** A server went onto the rack (after its placement is written); a reaction that throws refuses the racking. */
    'facility.serverRacked': ServerRow;
    /** A server left the data centre: its U and ports are already released. */
    'facility.serverRemoved': ServerRow;
  }
}
