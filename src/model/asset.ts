import { redacted, shown } from './quote.js';

/** What a finding is about: a host's sshd, a host firewall, a security group, an NSG, a VPC firewall. */
export interface Asset {
  kind: 'sshd' | 'ufw' | 'windows-firewall' | 'aws-security-group' | 'azure-nsg' | 'gcp-network';
  /** Stable identity: a group ARN or id, an NSG resource id, a file path for host configs. */
  id: string;
  name?: string;
  /** AWS account, Azure subscription, GCP project. */
  account?: string;
  region?: string;
  /**
   * Infrastructure code: the module directory or template file that declares the resource. Addresses such as
   * 'aws_security_group.this' are unique only within it, so it is part of the asset's identity (and fingerprints).
   */
  within?: string;
}

/** What makes an asset one: its id, and for infrastructure code where it is declared. */
export function assetIdentity(asset: Asset): string {
  return asset.within === undefined ? asset.id : `${asset.within}\0${asset.id}`;
}

/** The asset for a message: its id as it is (escaped and cut, never judged a credential: ids look random), and its name. */
export function describeAsset(asset: Asset): string {
  const { id, name } = reportedAsset(asset);
  return name && asset.name !== asset.id ? `${id} (${name})` : id;
}

/**
 * The asset as JSON and SARIF reports carry it: its name, which anyone may have typed, escaped, cut and redacted as a
 * message shows it; its id, account and region escaped and cut to a bound, as an export may hold anything there (the
 * fingerprint is made of the whole id before this).
 */
export function reportedAsset(asset: Asset): Asset {
  // An asset's findings and messages come one after another: remembering the last one spares redacting it again.
  if (asset !== lastAsset) {
    lastAsset = asset;
    lastReported = bounded(asset);
  }
  return lastReported!;
}

let lastAsset: Asset | undefined;
let lastReported: Asset | undefined;

function bounded(asset: Asset): Asset {
  const shownAsset: Asset = {
    ...asset,
    // An address in infrastructure code is a name its author chose, not an id a cloud made up: it is checked as names are.
    id: asset.within === undefined ? shown(asset.id, 512) : redacted(asset.id, 160),
    ...(asset.name === undefined ? {} : { name: redacted(asset.name, 80) }),
    ...(asset.account === undefined ? {} : { account: shown(asset.account, 128) }),
    ...(asset.region === undefined ? {} : { region: shown(asset.region, 128) }),
    ...(asset.within === undefined ? {} : { within: shown(asset.within, 1000) }),
  };
  const changed = (Object.keys(shownAsset) as (keyof Asset)[]).some((key) => shownAsset[key] !== asset[key]);
  return changed ? shownAsset : asset;
}
