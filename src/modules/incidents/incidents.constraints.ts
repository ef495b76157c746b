import type { ConstraintErrors } from '../../core/errors.js';

/** Incidents and planned work (6.3, 7.2, 7.3): what a database rule's violation means to the caller. */
export const incidentsConstraints: ConstraintErrors = {
  // 6.3: expansion, relocation and cut-over start at least 48 hours after notice
  maintenance_windows_48h_notice: { code: 'NOTICE_TOO_SHORT', field: 'startsAt' },
  // clause 10: force majeure (a third-party circuit included) carries its evidence
  incidents_force_majeure_evidence: { code: 'VALIDATION_FAILED', field: 'causeEvidence' },
  // one open incident per alert fingerprint; an alert, an interruption and a consent recorded once
  incidents_open_fingerprint: { code: 'CONFLICT' },
  alert_events_once: { code: 'CONFLICT' },
  interruptions_once: { code: 'CONFLICT' },
  maintenance_consents_one_per_customer: { code: 'CONFLICT' },
  // one compensation recomputation at a time (0040)
  compensation_recompute_runs_one_running: { code: 'COMPENSATION_RECOMPUTE_RUNNING' },
};
