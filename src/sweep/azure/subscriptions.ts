import type { TokenCredential } from '@azure/identity';
import { quoted } from '../../model/quote.js';
import { SweepFailure, type SweepTarget } from '../cloud-sweeper.js';
import { armClientOptions } from './client-settings.js';
import { azureFailure } from './failure.js';

/** A subscription id as ARM writes it (a GUID); it becomes a file name, so nothing else is taken. */
const SUBSCRIPTION_ID = /^[A-Za-z0-9][A-Za-z0-9-]{0,63}$/;

export interface SubscriptionTargets {
  targets: SweepTarget[];
  failures: { label: string; failure: SweepFailure }[];
}

export function subscriptionTarget(subscriptionId: string, displayName?: string): SweepTarget {
  const name = displayName ? ` (${quoted(displayName, 60)})` : '';
  return { id: `azure-${subscriptionId.toLowerCase()}`, label: `Azure subscription ${subscriptionId}${name}` };
}

/** The subscriptions a user named, each once; a name that cannot be a subscription id is a failure, not a target. */
export function namedSubscriptions(subscriptionIds: readonly string[]): SubscriptionTargets {
  const result: SubscriptionTargets = { targets: [], failures: [] };
  const seen = new Set<string>();
  for (const subscriptionId of subscriptionIds) {
    const text = subscriptionId.trim();
    if (!SUBSCRIPTION_ID.test(text)) {
      result.failures.push(invalidId(text));
      continue;
    }
    const target = subscriptionTarget(text);
    if (seen.has(target.id)) continue;
    seen.add(target.id);
    result.targets.push(target);
  }
  return result;
}

/** Every subscription the identity can see (SubscriptionClient follows nextLink), in id order so that shards agree. */
export async function listedSubscriptions(credential: TokenCredential, endpointUrl: string | undefined): Promise<SubscriptionTargets> {
  const { SubscriptionClient } = await import('@azure/arm-resources-subscriptions');
  const client = new SubscriptionClient(credential, armClientOptions(endpointUrl));
  const result: SubscriptionTargets = { targets: [], failures: [] };
  const byId = new Map<string, SweepTarget>();
  try {
    for await (const subscription of client.subscriptions.list()) {
      const subscriptionId = subscription.subscriptionId ?? '';
      if (!SUBSCRIPTION_ID.test(subscriptionId)) {
        result.failures.push(invalidId(subscriptionId));
        continue;
      }
      const target = subscriptionTarget(subscriptionId, subscription.displayName);
      byId.set(target.id, target);
    }
  } catch (error) {
    result.failures.push({ label: 'Azure subscriptions', failure: azureFailure('Listing the Azure subscriptions the identity can see', error) });
  }
  result.targets = [...byId.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return result;
}

function invalidId(text: string): { label: string; failure: SweepFailure } {
  const label = `Azure subscription ${quoted(text, 60)}`;
  return { label, failure: new SweepFailure(`${label} was not read: ${quoted(text, 60)} is not a subscription id (a GUID such as 00000000-0000-0000-0000-000000000000)`) };
}
