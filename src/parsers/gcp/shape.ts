import type { StreamPlan } from '../json/stream.js';

/**
 * Findings point at the firewall rule object: in `items` (REST), a bare array (gcloud, SDK), `firewalls` (gcloud
 * compute networks get-effective-firewalls), or one rule (gcloud describe).
 */
export const GCP_STREAM: StreamPlan = { arrays: { '': {}, items: {}, firewalls: {} }, rest: {} };
