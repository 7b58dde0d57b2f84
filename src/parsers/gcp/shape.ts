import type { PositionShape } from '../json/locate.js';

/** Findings point at the firewall rule object: in `items` (REST), a bare array (gcloud, SDK), or one rule (gcloud describe). */
export const GCP_POSITIONS: PositionShape = { members: { items: { items: {} } }, items: {} };
