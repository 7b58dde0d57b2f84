import type { TokenCredential } from '@azure/identity';
import { armClientOptions, PAGE_DEADLINE_MS } from './client-settings.js';
import { PageDeadline, pagesWithin } from './page-deadline.js';

/**
 * The NSGs of one subscription, a page at a time as ARM lists them (listAll follows nextLink to the end). Each NSG is
 * the SDK's object as it is: ARM's `properties` hoisted (securityRules, defaultSecurityRules, subnets,
 * networkInterfaces beside id, name and location), which is what `az network nsg list` prints and the Azure loader
 * reads. A page that fails after the pipeline's retries, or takes longer than the page deadline, ends the listing
 * with a SweepFailure naming `label`.
 */
export async function* nsgPages(credential: TokenCredential, endpointUrl: string | undefined, subscriptionId: string, label: string, deadlineMs = PAGE_DEADLINE_MS): AsyncGenerator<unknown[]> {
  const { NetworkManagementClient } = await import('@azure/arm-network');
  const client = new NetworkManagementClient(credential, subscriptionId, armClientOptions(endpointUrl));
  const deadline = new PageDeadline(deadlineMs);
  yield* pagesWithin(client.networkSecurityGroups.listAll({ abortSignal: deadline.signal }).byPage(), deadline, `${label}: listing network security groups`);
}
