import type { Instance } from '@aws-sdk/client-lightsail';
import { SweepFailure } from '../cloud-sweeper.js';
import type { AccountContext, AwsAccount } from './accounts.js';
import { awsFailure } from './failure.js';
import { isRegionName } from './regions.js';
import { clientConfig } from './sdk-settings.js';

/** Where an account's Lightsail regions are asked: Lightsail answers GetRegions for every region from each of its own. */
const LIGHTSAIL_LISTING_REGION = 'us-east-1';

/** The regions Lightsail runs in for the account (GetRegions); only the aws partition has Lightsail. */
export async function lightsailRegions(context: AccountContext, account: AwsAccount): Promise<string[]> {
  if (account.partition !== 'aws') return [];
  const { sdk, settings, endpointUrl } = context;
  const client = new sdk.lightsail.LightsailClient(clientConfig(settings, LIGHTSAIL_LISTING_REGION, account.credentials, endpointUrl));
  try {
    const answer = await client.send(new sdk.lightsail.GetRegionsCommand({}));
    return [...new Set((answer.regions ?? []).map((region) => String(region.name ?? '')).filter(isRegionName))].sort();
  } catch (error) {
    throw awsFailure(error, account.label, `Lightsail GetRegions in ${LIGHTSAIL_LISTING_REGION}`);
  } finally {
    client.destroy();
  }
}

/**
 * The Lightsail instances of one account and region, a page at a time, in the shape of `aws lightsail get-instances`
 * (the SDK's output is that shape: each instance with the ARN and region the loader names it by).
 */
export async function* lightsailInstancePages(context: AccountContext, account: AwsAccount, region: string, label: string): AsyncGenerator<Instance[]> {
  const { sdk, settings, endpointUrl } = context;
  const client = new sdk.lightsail.LightsailClient(clientConfig(settings, region, account.credentials, endpointUrl));
  try {
    const seen = new Set<string>();
    let pageToken: string | undefined;
    for (;;) {
      const page = await client.send(new sdk.lightsail.GetInstancesCommand(pageToken ? { pageToken } : {}));
      yield page.instances ?? [];
      pageToken = page.nextPageToken || undefined;
      if (pageToken === undefined) return;
      if (seen.has(pageToken)) throw new SweepFailure(`${label}: Lightsail GetInstances gave a page token it had given before — the pages after it were not read`);
      seen.add(pageToken);
    }
  } catch (error) {
    throw awsFailure(error, label, 'Lightsail GetInstances');
  } finally {
    client.destroy();
  }
}
