import { isAbsolute, relative, resolve, sep } from 'node:path';
import { redacted, shown } from './quote.js';

/** What a finding is about: a host's sshd, a host firewall, a security group, a Lightsail instance's firewall, an NSG, an Azure admin rule collection, an Azure Firewall's DNAT rules, a VPC firewall, a GCP firewall policy. */
export interface Asset {
  kind: 'sshd' | 'ufw' | 'windows-firewall' | 'aws-security-group' | 'aws-lightsail-instance' | 'azure-nsg' | 'azure-admin-rules' | 'azure-firewall' | 'gcp-network' | 'gcp-firewall-policy';
  /** Stable identity: a group ARN or id, an NSG resource id, a file path for host configs. */
  id: string;
  name?: string;
  /** AWS account, Azure subscription, GCP project. */
  account?: string;
  region?: string;
  /**
   * Infrastructure code: the root module's directory (or the template file) that declares the resource. Addresses
   * such as 'aws_security_group.this' are unique only within it, so it is part of the asset's identity (and
   * fingerprints).
   */
  within?: string;
}

/** Assets whose id is the path of the file that holds them (a host's configuration). */
const FILE_ASSETS: ReadonlySet<Asset['kind']> = new Set(['sshd', 'ufw', 'windows-firewall']);

/**
 * What makes an asset one: its id, and for infrastructure code where it is declared. With a `base` directory (the
 * report's), a path in it is taken relative to the base, so that fingerprints do not depend on how a path was spelled
 * (`.` or `./sshd_config`) nor on where the checkout stands (a laptop, a CI runner's workspace).
 */
export function assetIdentity(asset: Asset, base?: string): string {
  const id = base !== undefined && FILE_ASSETS.has(asset.kind) ? pathFrom(base, asset.id) : asset.id;
  if (asset.within === undefined) return id;
  return `${base === undefined ? asset.within : pathFrom(base, asset.within)}\0${id}`;
}

function pathFrom(base: string, path: string): string {
  return relative(base, resolve(path)).split(sep).join('/');
}

/**
 * The asset for a message: its id as it is (escaped and cut, never judged a credential: ids look random), and its name;
 * and what it is judged as part of, where its place does not say: a Terraform module's resource is found in the
 * module's files, a Bicep module's in the module, a Bicep file's deployed by a parameters file in the Bicep file —
 * none of which says which root module, caller or parameters file it was judged for. `declaredIn`: the file that
 * declares the asset.
 */
export function describeAsset(asset: Asset, declaredIn?: string): string {
  const { id, name, within } = reportedAsset(asset);
  const named = name && asset.name !== asset.id ? `${id} (${name})` : id;
  if (within === undefined || within === '.' || asset.within === undefined) return named;
  return asset.id.startsWith('module.') || (declaredIn !== undefined && !isInside(declaredIn, asset.within)) ? `${named} in ${within}` : named;
}

/** Whether `file` is `place` itself (a template) or inside it (a module directory). */
function isInside(file: string, place: string): boolean {
  const from = relative(resolve(place), resolve(file));
  return from === '' || (!from.startsWith('..') && !isAbsolute(from));
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
  // An address in infrastructure code is a name its author chose, not an id a cloud made up: it is checked as names are.
  const id = asset.within === undefined ? shown(asset.id, 512) : redacted(asset.id, 160);
  const name = asset.name === undefined ? undefined : redacted(asset.name, 80);
  const account = asset.account === undefined ? undefined : shown(asset.account, 128);
  const region = asset.region === undefined ? undefined : shown(asset.region, 128);
  const within = asset.within === undefined ? undefined : shown(asset.within, 1000);
  if (id === asset.id && name === asset.name && account === asset.account && region === asset.region && within === asset.within) return asset;
  return {
    ...asset,
    id,
    ...(name === undefined ? {} : { name }),
    ...(account === undefined ? {} : { account }),
    ...(region === undefined ? {} : { region }),
    ...(within === undefined ? {} : { within }),
  };
}
