import { quoted } from '../../model/quote.js';
import type { CloudSweeper, SweepOptions, SweepTarget } from '../cloud-sweeper.js';
import { SweepFailure } from '../cloud-sweeper.js';
import { callerAccount, roleAccount, type AccountContext, type AwsAccount } from './accounts.js';
import { mapBounded } from './bounded.js';
import { enabledRegions, isRegionName, notARegion } from './regions.js';
import { loadAwsSdk } from './sdk.js';
import { AWS_SDK_SETTINGS, type AwsSdkSettings } from './sdk-settings.js';
import { securityGroupPages } from './security-groups.js';

type Failures = { label: string; failure: SweepFailure }[];

/**
 * Sweeps AWS: the targets are accounts × regions. The accounts are the caller's own (STS GetCallerIdentity) or one per
 * role of `options.assumeRoles`; the regions are `options.regions`, or those DescribeRegions lists as enabled for
 * each account. `settings` is for tests: the CLI sweeps with AWS_SDK_SETTINGS.
 *
 * Each group carries NetworkInterfaces, the interfaces that list it (DescribeNetworkInterfaces, read before the
 * region's groups and held while they stream): [] when none does. When the interfaces cannot be read, the groups come
 * without the member (what uses them is unknown) and the target is read all the same, with a note saying why.
 */
export async function awsSweeper(options: SweepOptions, settings: AwsSdkSettings = AWS_SDK_SETTINGS): Promise<CloudSweeper> {
  const sdk = await loadAwsSdk();
  const context: AccountContext = { sdk, settings, endpointUrl: options.endpointUrl, chain: sdk.credentials.fromNodeProviderChain() };
  const places = new Map<string, { account: AwsAccount; region: string }>();

  async function targets() {
    const failures: Failures = [];
    const givenRegions = options.regions ? checkedRegions(options.regions, failures) : undefined;
    const accounts = await sweptAccounts(context, options.assumeRoles ?? [], failures);
    const listings = await mapBounded(accounts, settings.listingConcurrency, async (account): Promise<{ regions: string[]; failures: Failures }> => {
      if (givenRegions) return { regions: givenRegions, failures: [] };
      try {
        const { regions, rejected } = await enabledRegions(context, account);
        return { regions, failures: rejected.map((name) => ({ label: `${account.label}, region ${quoted(name, 60)}`, failure: notARegion(name) })) };
      } catch (error) {
        return { regions: [], failures: [{ label: account.label, failure: error as SweepFailure }] };
      }
    });
    places.clear();
    const found: SweepTarget[] = [];
    accounts.forEach((account, index) => {
      failures.push(...listings[index].failures);
      for (const region of listings[index].regions) {
        const target = { id: `aws-${account.id}-${region}`, label: `AWS account ${account.id} in ${region}` };
        places.set(target.id, { account, region });
        found.push(target);
      }
    });
    return { targets: found, failures };
  }

  async function* pages(target: SweepTarget, note: (message: string) => void): AsyncGenerator<unknown[]> {
    const place = places.get(target.id);
    if (!place) throw new SweepFailure(`${target.label}: not a target this AWS sweep listed`);
    yield* securityGroupPages(context, place.account, place.region, target.label, note);
  }

  return { cloud: 'aws', targets, pages };
}

function checkedRegions(names: readonly string[], failures: Failures): string[] {
  const valid = [...new Set(names.filter(isRegionName))];
  for (const name of names) if (!isRegionName(name)) failures.push({ label: 'AWS regions', failure: notARegion(name) });
  return valid;
}

/** The caller's account, or one per role (each role assumed once, a few side by side). */
async function sweptAccounts(context: AccountContext, roles: readonly string[], failures: Failures): Promise<AwsAccount[]> {
  if (roles.length === 0) {
    try {
      return [await callerAccount(context)];
    } catch (error) {
      failures.push({ label: 'AWS default credentials', failure: error as SweepFailure });
      return [];
    }
  }
  const unique = [...new Set(roles)];
  const outcomes = await mapBounded(unique, context.settings.listingConcurrency, (role) => roleAccount(context, role).catch((error: SweepFailure) => error));
  // Two roles in one account would give two targets of one id: the account is read once, through the first role.
  const byId = new Map<string, AwsAccount>();
  outcomes.forEach((outcome, index) => {
    if (outcome instanceof SweepFailure) failures.push({ label: `AWS role ${quoted(unique[index], 120)}`, failure: outcome });
    else if (!byId.has(outcome.id)) byId.set(outcome.id, outcome);
  });
  return [...byId.values()];
}
