import type { PositionShape } from '../json/locate.js';
import type { StreamPlan } from '../json/stream.js';

/**
 * Findings point at the firewall rule object: in `items` (REST), a bare array (gcloud, SDK), `firewalls` (gcloud
 * compute networks get-effective-firewalls), or one rule (gcloud describe); and at each rule of a firewall policy
 * (an item, or one of the effective-firewalls export's `firewallPolicys`).
 */
const POLICY: PositionShape = { members: { rules: { items: {} } } };
export const GCP_STREAM: StreamPlan = { arrays: { '': POLICY, items: POLICY, firewalls: {} }, rest: { members: { firewallPolicys: { items: POLICY } } } };
