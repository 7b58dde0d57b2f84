import type { SourceLocation } from '../model/location.js';
import { describeScopes } from './describe.js';
import type { NetworkAsset, NetworkScope } from './model.js';
import { scopesOf } from './scopes.js';

/** Scopes that share the line a finding points at (one State line per Windows profile, or the asset when none is stated). */
export interface ScopesAtLine {
  location: SourceLocation;
  scopes: NetworkScope[];
  /** ' on the Public profile', ' on the Domain and Private profiles', or '' for an asset with one scope. */
  which: string;
  /** Scope names joined, for finding keys. */
  key: string;
}

/** Groups the scopes that match by the line that states what the finding is about, so each line gets one finding. */
export function scopesByLine(asset: NetworkAsset, matches: (scope: NetworkScope) => boolean, lineOf: (scope: NetworkScope) => SourceLocation | undefined): ScopesAtLine[] {
  const matching = scopesOf(asset).filter(matches);
  if (matching.length === 0) return [];
  const groups = new Map<string, { location: SourceLocation; scopes: NetworkScope[] }>();
  for (const scope of matching) {
    const location = lineOf(scope) ?? asset.location;
    const id = `${location.file}:${location.line}:${location.column ?? 0}`;
    const group = groups.get(id) ?? { location, scopes: [] };
    group.scopes.push(scope);
    groups.set(id, group);
  }
  return [...groups.values()].map(({ location, scopes }) => ({
    location,
    scopes,
    which: describeScopes(asset, scopes),
    key: scopes.map((scope) => scope.name).join('+'),
  }));
}
