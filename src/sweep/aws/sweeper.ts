import { quoted } from '../../model/quote.js';
import type { CloudSweeper, SweepOptions, SweepTarget } from '../cloud-sweeper.js';
import { SweepFailure } from '../cloud-sweeper.js';
import { callerAccount, roleAccount, type AccountContext, type AwsAccount } from './accounts.js';
import { mapBounded } from './bounded.js';
import { lightsailInstancePages, lightsailRegions } from './lightsail.js';
import { enabledRegions, isRegionName, notARegion } from './regions.js';
import { loadAwsSdk } from './sdk.js';
import { AWS_SDK_SETTINGS, type AwsSdkSettings } from './sdk-settings.js';
import { securityGroupPages } from './security-groups.js';

type Failures = { label: string; failure: SweepFailure }[];

/** A Lightsail target's instances, written as `aws lightsail get-instances` prints them. */
const LIGHTSAIL_LISTING = { listKey: 'instances', inputType: 'aws-lightsail' };

/**
 * Sweeps AWS: the targets are accounts × regions. The accounts are the caller's own (STS GetCallerIdentity) or one per
 * role of `options.assumeRoles`; the regions are `options.regions`, or those DescribeRegions lists as enabled for
 * each account. Each region Lightsail runs in (its GetRegions) is a second target, its instances with their firewalls;
 * when Lightsail's regions cannot be listed, the sweep says so and reads the security groups. `settings` is for
 * tests: the CLI sweeps with AWS_SDK_SETTINGS.
 *
 * Each group carries NetworkInterfaces, the interfaces that list it (DescribeNetworkInterfaces, read before the
 * region's groups and held while they stream): [] when none does. When the interfaces cannot be read, the groups come
 * without the member (what uses them is unknown) and the target is read all the same, with a note saying why.
 */
export async function awsSweeper(options: SweepOptions, settings: AwsSdkSettings = AWS_SDK_SETTINGS): Promise<CloudSweeper> {
  const sdk = await loadAwsSdk();
  const context: AccountContext = { sdk, settings, endpointUrl: options.endpointUrl, chain: sdk.credentials.fromNodeProviderChain() };
  const places = new Map<string, { account: AwsAccount; region: string; lightsail: boolean }>();

  async function targets() {
    const failures: Failures = [];
    const notes: { label: string; message: string }[] = [];
    const givenRegions = options.regions ? checkedRegions(options.regions, failures) : undefined;
    const accounts = await sweptAccounts(context, options.assumeRoles ?? [], failures);
    const listings = await mapBounded(accounts, settings.listingConcurrency, async (account): Promise<{ regions: string[]; lightsailRegions: string[]; failures: Failures }> => {
      const lightsail = lightsailRegions(context, account).catch((error: SweepFailure) => {
        notes.push({ label: account.label, message: `${error.message} — its Lightsail instances were not read, and no finding judges their firewalls` });
        return [];
      });
      if (givenRegions) return { regions: givenRegions, lightsailRegions: await lightsail, failures: [] };
      try {
        const { regions, rejected } = await enabledRegions(context, account);
        return { regions, lightsailRegions: await lightsail, failures: rejected.map((name) => ({ label: `${account.label}, region ${quoted(name, 60)}`, failure: notARegion(name) })) };
      } catch (error) {
        return { regions: [], lightsailRegions: await lightsail, failures: [{ label: account.label, failure: error as SweepFailure }] };
      }
    });
    places.clear();
    const found: SweepTarget[] = [];
    accounts.forEach((account, index) => {
      const { regions, lightsailRegions: withLightsail, failures: listingFailures } = listings[index];
      failures.push(...listingFailures);
      for (const region of regions) {
        const target = { id: `aws-${account.id}-${region}`, label: `AWS account ${account.id} in ${region}` };
        places.set(target.id, { account, region, lightsail: false });
        found.push(target);
      }
      for (const region of regions.filter((name) => withLightsail.includes(name))) {
        const target = { id: `aws-lightsail-${account.id}-${region}`, label: `AWS account ${account.id} Lightsail in ${region}`, listing: LIGHTSAIL_LISTING };
        places.set(target.id, { account, region, lightsail: true });
        found.push(target);
      }
    });
    return { targets: found, failures, notes };
  }

  async function* pages(target: SweepTarget, note: (message: string) => void): AsyncGenerator<unknown[]> {
    const place = places.get(target.id);
    if (!place) throw new SweepFailure(`${target.label}: not a target this AWS sweep listed`);
    if (place.lightsail) yield* lightsailInstancePages(context, place.account, place.region, target.label);
    else yield* securityGroupPages(context, place.account, place.region, target.label, note);
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
