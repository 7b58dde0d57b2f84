import type { CloudSweeper, SweepOptions, SweepTarget } from '../cloud-sweeper.js';
import { adminRulePages } from './admin-rule-pages.js';
import { defaultCredential } from './credential.js';
import { firewallPages } from './firewall-pages.js';
import { nsgPages } from './nsg-pages.js';
import { listedSubscriptions, namedSubscriptions } from './subscriptions.js';

const TARGET_PREFIX = 'azure-';

/**
 * Azure: the NSGs of each subscription named with --subscriptions, or of every subscription the identity can see,
 * then the security admin rules of its network managers and the DNAT rules of its Azure Firewalls and firewall
 * policies, read with DefaultAzureCredential through @azure/arm-network.
 * One credential serves every client, so that a token is asked for once and shared across subscriptions read at the
 * same time.
 */
export async function azureSweeper(options: SweepOptions): Promise<CloudSweeper> {
  const credential = await defaultCredential(options.endpointUrl);
  return {
    cloud: 'azure',
    async targets() {
      if (options.subscriptions && options.subscriptions.length > 0) return namedSubscriptions(options.subscriptions);
      return listedSubscriptions(credential, options.endpointUrl);
    },
    async *pages(target, note) {
      const subscription = subscriptionOf(target);
      yield* nsgPages(credential, options.endpointUrl, subscription, target.label);
      yield* adminRulePages(credential, options.endpointUrl, subscription, note);
      yield* firewallPages(credential, options.endpointUrl, subscription, note);
    },
  };
}

function subscriptionOf(target: SweepTarget): string {
  if (!target.id.startsWith(TARGET_PREFIX)) throw new Error(`not an Azure target: ${target.id}`);
  return target.id.slice(TARGET_PREFIX.length);
}
