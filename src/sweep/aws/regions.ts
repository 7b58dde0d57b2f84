import { quoted } from '../../model/quote.js';
import { SweepFailure } from '../cloud-sweeper.js';
import type { AccountContext, AwsAccount } from './accounts.js';
import { awsFailure } from './failure.js';
import { clientConfig, defaultRegion } from './sdk-settings.js';

/** A region name as AWS writes them (us-east-1, us-gov-west-1, cn-north-1): it becomes part of a file name. */
const REGION_NAME = /^[a-z]{2,4}(?:-[a-z0-9]{1,16}){1,4}$/;

export function isRegionName(name: string): boolean {
  return REGION_NAME.test(name);
}

export function notARegion(name: string): SweepFailure {
  return new SweepFailure(`${quoted(name, 60)} is not an AWS region name (such as eu-west-1)`);
}

/** The regions enabled for an account (DescribeRegions without AllRegions leaves out those not opted in). */
export async function enabledRegions(context: AccountContext, account: AwsAccount): Promise<{ regions: string[]; rejected: string[] }> {
  const { sdk, settings, endpointUrl } = context;
  const region = defaultRegion();
  const client = new sdk.ec2.EC2Client(clientConfig(settings, region, account.credentials, endpointUrl));
  try {
    const answer = await client.send(new sdk.ec2.DescribeRegionsCommand({}));
    const names = (answer.Regions ?? []).map((entry) => entry.RegionName ?? '');
    return { regions: [...new Set(names.filter(isRegionName))].sort(), rejected: names.filter((name) => !isRegionName(name)) };
  } catch (error) {
    throw awsFailure(error, account.label, `EC2 DescribeRegions in ${region}`);
  } finally {
    client.destroy();
  }
}
