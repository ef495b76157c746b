import type { ConstraintErrors } from '../../core/errors.js';

/** Site access (issue 21): what a database rule's violation means to the caller (a race answers 409, never 500). */
export const accessConstraints: ConstraintErrors = {
  equipment_movements_one_open_release: { code: 'CONFLICT', field: 'serverId' },
  visit_people_once: { code: 'CONFLICT', field: 'memberIds' },
  visits_refusal_reason: { code: 'VALIDATION_FAILED', field: 'reason' },
  visits_window: { code: 'VALIDATION_FAILED', field: 'endsAt' },
  access_settings_hours: { code: 'VALIDATION_FAILED', field: 'closesMinute' },
  access_settings_roles: { code: 'VALIDATION_FAILED', field: 'equipmentRoles' },
};
