import type { StreamPlan } from '../json/stream.js';

/** Findings point at the firewall rule object: in `items` (REST), a bare array (gcloud, SDK), or one rule (gcloud describe). */
export const GCP_STREAM: StreamPlan = { arrays: { '': {}, items: {} }, rest: {} };
