import type { InputProblem } from '../../model/problem.js';
import type { IacResource, IacValue } from '../iac/value.js';
import type { Block } from './syntax.js';
import { awsModuleSecurityGroups } from './registry/aws-module-security-groups.js';
import { awsSecurityGroupModule } from './registry/aws-security-group.js';
import { azureNetworkSecurityGroupModules } from './registry/azure-network-security-groups.js';
import { googleNetworkModule } from './registry/google-network-firewall.js';

/** Where an instance of a known module is made: its call's file and line, and its address prefix (`module.sg.`). */
export interface KnownPlace {
  file: string;
  line: number;
  prefix: string;
  /** How what is said of the call names it (`module.sg`). */
  name: string;
  problems: InputProblem[];
}

/**
 * A registry module Parapet knows by its interface: what an instance of it deploys is worked out from its call's
 * values, without its code. Its resources are located at the lines of the values that make them, in the calling file.
 */
export interface KnownModule {
  /** The arguments a call may give; undefined where Parapet does not know them all (its calls are not checked). */
  readonly variables: ReadonlySet<string> | undefined;
  /** Its resources, and its outputs: an object of them all, or unknown where Parapet does not know them all. */
  instance(inputs: ReadonlyMap<string, IacValue>, place: KnownPlace): { resources: IacResource[]; outputs: IacValue };
}

/**
 * The module a call's `source` and `version` name, when Parapet knows it by its interface, with what to tell of the
 * version judged (`note`); `{ unsupported }` (why) for a known module at a version it does not model; undefined for
 * any other.
 */
export function knownModule(source: string, call: Block): { module: KnownModule; note?: string } | { unsupported: string } | undefined {
  const version = call.body.attributes.find((attribute) => attribute.name === 'version')?.value;
  const constraint = version?.type === 'literal' && typeof version.value === 'string' ? version.value : undefined;
  return awsSecurityGroupModule(source, constraint, call) ?? azureNetworkSecurityGroupModules(source, constraint) ?? googleNetworkModule(source) ?? awsModuleSecurityGroups(source, constraint);
}

