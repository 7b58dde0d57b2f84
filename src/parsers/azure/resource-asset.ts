import type { Asset } from '../../model/asset.js';
import { stringOf } from '../json/cloud-values.js';

const SUBSCRIPTION = /^\/subscriptions\/([^/]{1,100})\//i;

/** An Azure resource as an asset: named by its ARM id, with the subscription the id names and the region it is in. */
export function azureAsset(kind: Asset['kind'], id: string, name: string, location?: unknown): Asset {
  const asset: Asset = { kind, id, name };
  const subscription = SUBSCRIPTION.exec(id)?.[1];
  if (subscription) asset.account = subscription;
  const region = stringOf(location);
  if (region) asset.region = region;
  return asset;
}
