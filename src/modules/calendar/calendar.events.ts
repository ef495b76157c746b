import type { Calendar } from '../../rules/index.js';
import type { RecomputedRecord } from './calendar.service.js';

/** What the calendar asks other modules, inside the transaction that stores an official year (src/core/reactions.ts). */
declare module '../../core/reactions.js' {
  interface DomainQuestions {
    /**
     * An official year replaced a provisional one (issue 16): each module recomputes its open records
     * computed on a provisional day, with the calendar as it stands now, and answers with what it recomputed.
     */
    'calendar.yearLoaded': { subject: Calendar; answer: RecomputedRecord };
  }
}
