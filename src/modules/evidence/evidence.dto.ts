import { IdParams } from '../../http/dto.js';

/** GET /customers/:id/evidence-pack — the customer's id (the CLI also takes a USCC). */
export const EvidenceParams = IdParams;
