import type { TicketRow } from './tickets.repository.js';

/** What the tickets module tells other modules, inside the transaction of the change (src/core/reactions.ts). */
declare module '../../core/reactions.js' {
  interface DomainEvents {
    /** A ticket was opened (6.1: a reboot request opens urgent) — issue 20 §5 alerts the NOC where it is. */
    'tickets.opened': TicketRow;
  }
}
