import type { ConstraintErrors } from '../../core/errors.js';

/** Alert channels (issue 20 §5): what a database rule's violation means to the caller. */
export const alertingConstraints: ConstraintErrors = {
  alert_channels_name_unique: { code: 'CONFLICT', field: 'name' },
  alert_channels_webhook_signed: { code: 'VALIDATION_FAILED', field: 'secret' },
  alert_channels_wecom_unsigned: { code: 'VALIDATION_FAILED', field: 'secret' },
};
