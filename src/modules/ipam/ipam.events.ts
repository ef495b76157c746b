import type { AllocationRow } from './ipam.repository.js';

/** What the IP module tells other modules, inside the transaction of the change (src/core/reactions.ts). */
declare module '../../core/reactions.js' {
  interface DomainEvents {
    /** An address went back to its pool (into quarantine); whatever pointed at it must go too. */
    'ipam.addressReleased': AllocationRow;
    /** An address was allocated to a server (6.1); the regulator's register records the change (issue 22). */
    'ipam.addressAllocated': AllocationRow;
  }
}
