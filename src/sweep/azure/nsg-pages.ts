import type { TokenCredential } from '@azure/identity';
import { armClientOptions, PAGE_DEADLINE_MS } from './client-settings.js';
import { azureFailure } from './failure.js';

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
  const pages = client.networkSecurityGroups.listAll({ abortSignal: deadline.signal }).byPage();
  try {
    while (true) {
      deadline.restart();
      let next: IteratorResult<unknown[]>;
      try {
        next = await pages.next();
      } catch (error) {
        throw azureFailure(`${label}: listing network security groups`, error, deadline.signal.aborted ? deadlineMs : undefined);
      }
      if (next.done) return;
      // The deadline is for ARM's answer, not for the time the caller takes with a page.
      deadline.pause();
      yield next.value;
    }
  } finally {
    deadline.pause();
  }
}

/** An abort signal that fires when one page has taken longer than the deadline: the pipeline stops retrying and waiting. */
class PageDeadline {
  private readonly controller = new AbortController();
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly ms: number) {}

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  restart(): void {
    this.pause();
    this.timer = setTimeout(() => this.controller.abort(), this.ms);
  }

  pause(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }
}
