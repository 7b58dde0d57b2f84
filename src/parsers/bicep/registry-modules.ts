import type { ArmJson, ArmJsonMember, ArmJsonObject } from '../arm/json-tree.js';

/** An Azure Verified Module of the public registry, by its alias or its address, at any version. */
const avm = (path: string) => new RegExp(`^br(?:/public:|:mcr\\.microsoft\\.com/bicep/)avm/res/${path}:[\\w.-]{1,40}$`, 'i');

/**
 * The registry modules Parapet knows by their interface, and the template each deploys, written so that every value a
 * call gives is passed on as it is (its lines the caller's):
 * - Azure Verified Modules' network security group deploys one NSG named `name` whose rules are the `securityRules`
 *   it is given (`{ name, properties }`, its application security groups given by id);
 * - their Azure Firewall deploys the firewall `name` with the classic `natRuleCollections` it is given (in a virtual
 *   network: a hub firewall takes no classic rules, and its policy's are judged where the policy is);
 * - their firewall policy deploys the policy `name` and one rule collection group per item of `ruleCollectionGroups`
 *   (`{ name, priority, ruleCollections }`).
 */
const KNOWN: readonly [RegExp, (make: TemplateMaker) => ArmJsonObject][] = [
  [avm('network/network-security-group'), oneResource('Microsoft.Network/networkSecurityGroups', 'securityRules')],
  [avm('network/azure-firewall'), oneResource('Microsoft.Network/azureFirewalls', 'natRuleCollections')],
  [avm('network/firewall-policy'), ({ object, text, array }) => {
    const group = "parameters('ruleCollectionGroups')[copyIndex()]";
    return object([
      ['parameters', object([['name', object([['type', text('string')]])], ['ruleCollectionGroups', object([['type', text('array')], ['defaultValue', array([])]])]])],
      ['resources', array([
        object([['type', text('Microsoft.Network/firewallPolicies')], ['apiVersion', text('2024-05-01')], ['name', text("[parameters('name')]")], ['properties', object([])]]),
        object([
          ['type', text('Microsoft.Network/firewallPolicies/ruleCollectionGroups')],
          ['apiVersion', text('2024-05-01')],
          ['copy', object([['name', text('ruleCollectionGroups')], ['count', text("[length(coalesce(parameters('ruleCollectionGroups'), createArray()))]")]])],
          ['name', text(`[format('{0}/{1}', parameters('name'), ${group}.name)]`)],
          ['properties', object([
            ['priority', text(`[${group}.priority]`)],
            ['ruleCollections', text(`[if(contains(${group}, 'ruleCollections'), ${group}.ruleCollections, createArray())]`)],
          ])],
        ]),
      ])],
    ]);
  }],
];

/** A module that deploys one resource named `name`, with one list of its properties given as the call gives it. */
function oneResource(type: string, list: string): (make: TemplateMaker) => ArmJsonObject {
  return ({ object, text, array }) => object([
    ['parameters', object([['name', object([['type', text('string')]])], [list, object([['type', text('array')], ['defaultValue', array([])]])]])],
    ['resources', array([object([
      ['type', text(type)],
      ['apiVersion', text('2024-05-01')],
      ['name', text("[parameters('name')]")],
      ['properties', object([[list, text(`[coalesce(parameters('${list}'), createArray())]`)]])],
    ])])],
  ]);
}

interface TemplateMaker {
  object(members: [string, ArmJson][]): ArmJsonObject;
  text(value: string): ArmJson;
  array(items: ArmJson[]): ArmJson;
}

/**
 * The template a registry module Parapet knows by its interface deploys, without fetching it; undefined for any other.
 * Its own values are on the line of the call, in the calling file.
 */
export function knownRegistryModule(written: string, line: number): ArmJsonObject | undefined {
  const known = KNOWN.find(([reference]) => reference.test(written));
  if (!known) return undefined;
  return known[1]({
    object: (members) => ({ kind: 'object', line, members: new Map(members.map(([key, value]): [string, ArmJsonMember] => [key.toLowerCase(), { key, value }])) }),
    text: (value) => ({ kind: 'scalar', value, line }),
    array: (items) => ({ kind: 'array', items, line }),
  });
}
