import { dirname } from 'node:path';
import type { SourceLocation } from '../model/location.js';
import type { Severity } from '../model/severity.js';

/** What `.parapet.yml` sets a rule to: off, or another severity. */
export type RuleSetting = Severity | 'off';

/** An `ignore:` entry: findings of `rule` (on matching paths and resources) are suppressed, with the reason. */
export interface PolicyIgnore {
  rule: string;
  /** A glob over the finding's file, relative to the config file's directory. */
  path?: string;
  /** A glob over the asset's id (host, security group ARN, NSG id, Terraform address). */
  resource?: string;
  reason: string;
  /** YYYY-MM-DD: the last day it suppresses. */
  until?: string;
  location: SourceLocation;
}

/** An `overrides:` entry: rule settings for the findings on matching paths or resources. */
export interface PolicyOverride {
  paths: string[];
  resources: string[];
  rules: ReadonlyMap<string, RuleSetting>;
}

/** A validated `.parapet.yml`. */
export interface Policy {
  /** The config file. */
  file: string;
  rules: ReadonlyMap<string, RuleSetting>;
  /** `networks.trusted`: CIDRs. */
  trustedNetworks: string[];
  /** `networks.appPorts`; --app-ports wins over it. */
  appPorts?: number[];
  overrides: PolicyOverride[];
  ignores: PolicyIgnore[];
}

/** The directory path globs of the policy are relative to: the config file's. */
export function policyDirectory(policy: Policy): string {
  return dirname(policy.file);
}
