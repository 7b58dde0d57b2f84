/**
 * The Compute SDK decodes each firewall through protobuf: optional fields come with `_field` marker keys, absent lists
 * as `[]`, and some versions spell IPProtocol `I_p_protocol`. The snapshot is evidence an auditor reads beside what
 * `gcloud compute firewall-rules list --format=json` prints, so each item is put back in the REST API's shape.
 */
export function restFirewall(decoded: unknown): unknown {
  if (Array.isArray(decoded)) return decoded.map(restFirewall);
  if (decoded === null || typeof decoded !== 'object') return decoded;
  const rest: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(decoded)) {
    if (isOneofMarker(key, value) || (Array.isArray(value) && value.length === 0)) continue;
    rest[key === 'I_p_protocol' ? 'IPProtocol' : key] = restFirewall(value);
  }
  return rest;
}

/**
 * A firewall policy the SDK decoded, put back in the REST API's shape as `restFirewall` puts a firewall rule (the SDK
 * spells its layer 4 configs' ipProtocol as the REST API does), marked `kind: compute#firewallPolicy` and with its
 * `type` (HIERARCHY, NETWORK, NETWORK_REGIONAL): the effective firewalls give no kind, the policy listing no type.
 */
export function restFirewallPolicy(decoded: object, type: string): Record<string, unknown> {
  const marks = { kind: 'compute#firewallPolicy', type };
  return { ...marks, ...(restFirewall(decoded) as Record<string, unknown>), ...marks };
}

/** protobufjs names the set member of a one-field oneof `_field` with the value 'field' (or 'I_p_protocol'-style). */
function isOneofMarker(key: string, value: unknown): boolean {
  return key.startsWith('_') && typeof value === 'string' && (value === key.slice(1) || value === 'IPProtocol' || value === 'I_p_protocol');
}
