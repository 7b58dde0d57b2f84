import type { TokenCredential } from '@azure/identity';
import { quoted } from '../../model/quote.js';
import { SweepFailure, type SweepNote } from '../cloud-sweeper.js';
import { armClientOptions, PAGE_DEADLINE_MS } from './client-settings.js';
import { itemsWithin, PageDeadline, pagesWithin } from './page-deadline.js';
import { nameOf, resourcePlace } from './resource-place.js';

/**
 * The security admin rules of every Azure Virtual Network Manager of one subscription, a page of one rule collection
 * at a time: its managers, each one's security admin configurations, their rule collections and their rules, listed
 * one after another (a subscription without a manager costs one request). Each rule is the SDK's object as it is:
 * ARM's `properties` hoisted (access, direction, priority, protocol, sources, destinations and port ranges beside id,
 * name, type and kind), which the Azure loader reads as a rule of its collection.
 *
 * Admin rules come before any NSG: an AlwaysAllow rule opens traffic whatever the NSGs say. They are read as
 * configured, deployed or not, and only from the managers that live in this subscription. A listing that fails after
 * the pipeline's retries, or takes longer than the page deadline, ends the walk with a `sweep/not-modelled` note rather
 * than a failure: the subscription's NSGs are judged all the same, and the note says what is not.
 */
export async function* adminRulePages(credential: TokenCredential, endpointUrl: string | undefined, subscriptionId: string, note: SweepNote, deadlineMs = PAGE_DEADLINE_MS): AsyncGenerator<unknown[]> {
  const { NetworkManagementClient } = await import('@azure/arm-network');
  const client = new NetworkManagementClient(credential, subscriptionId, armClientOptions(endpointUrl));
  const deadline = new PageDeadline(deadlineMs);
  const options = { abortSignal: deadline.signal };
  const each = <T>(listing: { byPage(): AsyncIterator<T[]> }, what: string) => itemsWithin(listing.byPage(), deadline, what);

  try {
    for await (const { id } of each(client.networkManagers.listBySubscription(options), 'listing network managers')) {
      const [group, manager] = resourcePlace(id, 'networkManagers', 'a network manager');
      const configurations = each(client.securityAdminConfigurations.list(group, manager, options), `listing the security admin configurations of network manager ${quoted(manager)}`);
      for await (const configuration of configurations) {
        const configurationName = nameOf(configuration, `a security admin configuration of network manager ${quoted(manager)}`);
        const collections = each(client.adminRuleCollections.list(group, manager, configurationName, options), `listing the rule collections of ${quoted(`${manager}/${configurationName}`, 120)}`);
        for await (const collection of collections) {
          const collectionName = nameOf(collection, `a rule collection of ${quoted(`${manager}/${configurationName}`, 120)}`);
          const rules = client.adminRules.list(group, manager, configurationName, collectionName, options).byPage();
          yield* pagesWithin(rules, deadline, `listing the admin rules of ${quoted(`${manager}/${configurationName}/${collectionName}`, 160)}`);
        }
      }
    }
  } catch (error) {
    if (!(error instanceof SweepFailure)) throw error;
    note(`its security admin rules could not be read (${error.message}): what an AlwaysAllow admin rule opens, whatever the NSGs say, is not judged`, 'sweep/not-modelled');
  }
}
