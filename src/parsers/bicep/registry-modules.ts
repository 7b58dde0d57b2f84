import type { ArmJson, ArmJsonMember, ArmJsonObject } from '../arm/json-tree.js';

/**
 * Azure Verified Modules' network security group (`avm/res/network/network-security-group`, any version, from the
 * public registry by its alias or its address): it deploys one NSG named `name` whose rules are the `securityRules`
 * it is given, each `{ name, properties }` as ARM writes a rule (its application security groups given by id).
 */
const AVM_NSG = /^br(?:\/public:|:mcr\.microsoft\.com\/bicep\/)avm\/res\/network\/network-security-group:[\w.-]{1,40}$/i;

/**
 * The template a registry module Parapet knows by its interface deploys, without fetching it; undefined for any other.
 * Every value of it is on the line of the call, in the calling file: the rules keep the lines the caller writes them on.
 */
export function knownRegistryModule(written: string, line: number): ArmJsonObject | undefined {
  if (!AVM_NSG.test(written)) return undefined;
  const scalar = (value: string): ArmJson => ({ kind: 'scalar', value, line });
  const object = (members: [string, ArmJson][]): ArmJsonObject => ({ kind: 'object', line, members: new Map(members.map(([key, value]): [string, ArmJsonMember] => [key.toLowerCase(), { key, value }])) });
  return object([
    ['parameters', object([
      ['name', object([['type', scalar('string')]])],
      ['securityRules', object([['type', scalar('array')], ['defaultValue', { kind: 'array', items: [], line }]])],
    ])],
    ['resources', { kind: 'array', line, items: [object([
      ['type', scalar('Microsoft.Network/networkSecurityGroups')],
      ['apiVersion', scalar('2024-05-01')],
      ['name', scalar("[parameters('name')]")],
      ['properties', object([['securityRules', scalar("[coalesce(parameters('securityRules'), createArray())]")]])],
    ])] }],
  ]);
}
