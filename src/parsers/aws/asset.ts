import type { SourceLocation } from '../../model/location.js';
import type { NetworkAsset } from '../../network/model.js';

export interface GroupIdentity {
  /** The ARN when known, else the group id. */
  id: string;
  groupId: string;
  name?: string;
  account?: string;
  region?: string;
}

/** A security group before its rules: allow-only, and both directions closed unless a rule opens them. */
export function securityGroupAsset(identity: GroupIdentity, location: SourceLocation): NetworkAsset {
  // Every field in one literal (an absent account or region undefined): one shape for every group.
  const asset: NetworkAsset['asset'] = { kind: 'aws-security-group', id: identity.id, name: identity.name ?? identity.groupId, account: identity.account || undefined, region: identity.region || undefined };
  return {
    kind: 'network',
    asset,
    semantics: 'allow-only',
    // Egress is as explicit as ingress in a security group: no rule, no traffic.
    scopes: [{ name: identity.groupId, enabled: true, defaultInbound: 'deny', defaultOutbound: 'deny' }],
    rules: [],
    location,
  };
}
