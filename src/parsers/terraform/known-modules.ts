import type { InputProblem } from '../../model/problem.js';
import type { IacResource, IacValue } from '../iac/value.js';
import type { Block } from './syntax.js';
import { awsModuleSecurityGroups } from './registry/aws-module-security-groups.js';
import { awsRdsAuroraModule } from './registry/aws-rds-aurora.js';
import { awsSecurityGroupModule } from './registry/aws-security-group.js';
import { azureNetworkSecurityGroupModules } from './registry/azure-network-security-groups.js';
import { awsVpcModule } from './registry/aws-vpc.js';
import { googleNetworkModule } from './registry/google-network-firewall.js';
import { registryModule } from './registry/module-address.js';

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

/** What choosing a known module's version needs of a call: its version constraint, and how each argument is written. */
export interface CallShape {
  version: string | undefined;
  arguments: ReadonlyMap<string, 'list' | 'map' | 'value'>;
}

/** Arguments of a module call that are not its variables' values. */
const META_ARGUMENTS = new Set(['source', 'version', 'providers', 'count', 'for_each', 'depends_on']);

/** The shape of a module block of Terraform code. */
export function callShape(call: Block): CallShape {
  const version = call.body.attributes.find((attribute) => attribute.name === 'version')?.value;
  const shapes = call.body.attributes
    .filter((attribute) => !META_ARGUMENTS.has(attribute.name))
    .map(({ name, value }): [string, 'list' | 'map' | 'value'] => [name, value.type === 'tuple' ? 'list' : value.type === 'object' ? 'map' : 'value']);
  return { version: version?.type === 'literal' && typeof version.value === 'string' ? version.value : undefined, arguments: new Map(shapes) };
}

/**
 * The module a call's `source` and `version` name (from the registry, or its GitHub repository at a tag), when
 * Parapet knows it by its interface, with what to tell of the
 * version judged (`note`); `{ unsupported }` (why) for a known module at a version it does not model; undefined for
 * any other.
 */
export function knownModule(source: string, call: CallShape): { module: KnownModule; note?: string } | { unsupported: string } | undefined {
  const named = registryModule(source, call.version);
  if (!named) return undefined;
  return awsSecurityGroupModule(named, call) ?? azureNetworkSecurityGroupModules(named) ?? googleNetworkModule(named) ?? awsModuleSecurityGroups(named) ?? awsVpcModule(named) ?? awsRdsAuroraModule(named);
}

