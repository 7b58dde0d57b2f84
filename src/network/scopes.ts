import type { NetworkAsset, NetworkScope, TrafficDirection } from './model.js';

/** When an input has no scopes, the asset is one scope that denies what its rules do not allow. */
const IMPLIED_SCOPE: NetworkScope = { name: 'default', enabled: true, defaultInbound: 'deny', defaultOutbound: 'deny' };

export function scopesOf(asset: NetworkAsset): NetworkScope[] {
  return asset.scopes.length > 0 ? asset.scopes : [IMPLIED_SCOPE];
}

/** Whether a scope lets traffic of this direction through without any rule: its firewall is off, or its default allows. */
export function policiesMayAllow(asset: NetworkAsset, direction: TrafficDirection): boolean {
  const policy = direction === 'inbound' ? 'defaultInbound' : 'defaultOutbound';
  for (const scope of scopesOf(asset)) if (!scope.enabled || scope[policy] === 'allow') return true;
  return false;
}
