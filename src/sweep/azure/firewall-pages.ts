import type { TokenCredential } from '@azure/identity';
import { quoted } from '../../model/quote.js';
import { SweepFailure, type SweepNote } from '../cloud-sweeper.js';
import { armClientOptions, PAGE_DEADLINE_MS } from './client-settings.js';
import { itemsWithin, PageDeadline, pagesWithin } from './page-deadline.js';
import { resourcePlace } from './resource-place.js';

/**
 * The Azure Firewalls of one subscription (their classic NAT rule collections are part of each), then the rule
 * collection groups of each of its firewall policies, a page at a time. Each item is the SDK's object as it is: ARM's
 * `properties` hoisted (natRuleCollections; ruleCollections with their ruleCollectionType), which the Azure loader
 * reads as the DNAT rules of a firewall or of a rule collection group.
 *
 * DNAT rules are how the internet reaches machines behind a firewall, whatever its network rules say. A listing that
 * fails after the pipeline's retries, or takes longer than the page deadline, ends the walk with a `sweep/not-modelled`
 * note rather than a failure: the subscription's NSGs are judged all the same, and the note says what is not.
 */
export async function* firewallPages(credential: TokenCredential, endpointUrl: string | undefined, subscriptionId: string, note: SweepNote, deadlineMs = PAGE_DEADLINE_MS): AsyncGenerator<unknown[]> {
  const { NetworkManagementClient } = await import('@azure/arm-network');
  const client = new NetworkManagementClient(credential, subscriptionId, armClientOptions(endpointUrl));
  const deadline = new PageDeadline(deadlineMs);
  const options = { abortSignal: deadline.signal };
  try {
    yield* nonEmpty(pagesWithin(client.azureFirewalls.listAll(options).byPage(), deadline, 'listing Azure Firewalls'));
    for await (const { id } of itemsWithin(client.firewallPolicies.listAll(options).byPage(), deadline, 'listing firewall policies')) {
      const [group, policy] = resourcePlace(id, 'firewallPolicies', 'a firewall policy');
      yield* nonEmpty(pagesWithin(client.firewallPolicyRuleCollectionGroups.list(group, policy, options).byPage(), deadline, `listing the rule collection groups of firewall policy ${quoted(policy)}`));
    }
  } catch (error) {
    if (!(error instanceof SweepFailure)) throw error;
    note(`its Azure Firewalls and firewall policies could not be read (${error.message}): what their DNAT rules open to the internet is not judged`, 'sweep/not-modelled');
  }
}

/** A subscription without firewalls answers with an empty page, which is no page of the snapshot. */
async function* nonEmpty(pages: AsyncGenerator<unknown[]>): AsyncGenerator<unknown[]> {
  for await (const page of pages) if (page.length > 0) yield page;
}
