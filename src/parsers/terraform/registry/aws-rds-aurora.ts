import { quoted } from '../../../model/quote.js';
import { scalar, unknown, type IacResource, type IacValue } from '../../iac/value.js';
import type { KnownModule, KnownPlace } from '../known-modules.js';
import { fetchedMajor } from '../version-constraint.js';
import { object } from '../values.js';
import { given, isFalse } from './call-values.js';
import { securityGroupRuleMap } from './aws-security-group-rule-map.js';
import { vpcSecurityGroupRules } from './aws-vpc-security-group-rules.js';
import type { RegistryModule } from './module-address.js';

const MAJORS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
/** Version 8 has no `self` on its rules; version 9 added it. */
const V8_FIELDS = ['type', 'protocol', 'from_port', 'to_port', 'cidr_blocks', 'ipv6_cidr_blocks', 'prefix_list_ids', 'source_security_group_id'];

/**
 * terraform-aws-modules' rds-aurora: of what it deploys, the security group it creates in front of the cluster unless
 * told not to (`create_security_group = false`): from version 8 to 9, one `aws_security_group_rule` per entry of
 * `security_group_rules` (an ingress to the database's port over TCP unless the entry says otherwise); from version
 * 10, the maps `security_group_ingress_rules` and `security_group_egress_rules`. The database's port is `port`, else
 * 5432 for PostgreSQL engines and 3306 for the others. Earlier versions' rules are not modelled (a warning).
 */
export function awsRdsAuroraModule({ address, submodule, version }: RegistryModule): { module: KnownModule } | { unsupported: string } | undefined {
  if (address !== 'terraform-aws-modules/rds-aurora/aws') return undefined;
  if (submodule !== undefined) return { unsupported: `Parapet knows the module itself, not its submodule ${quoted(submodule, 60)}` };
  const major = fetchedMajor(version, MAJORS);
  if (typeof major !== 'number') return major;
  if (major < 8) return { unsupported: `Parapet knows its security group from version 8 on, not version ${major}` };
  return {
    module: {
      // It takes many more variables (the cluster's), which Parapet does not check.
      variables: undefined,
      instance: (inputs, place) => ({ resources: securityGroup(inputs, place, major), outputs: unknown(place.line, [place.name]) }),
    },
  };
}

function securityGroup(inputs: ReadonlyMap<string, IacValue>, place: KnownPlace, major: number): IacResource[] {
  if (['create', 'putin_khuylo', 'create_security_group'].some((flag) => isFalse(inputs.get(flag)))) return [];
  const { file, line, prefix } = place;
  const address = `${prefix}aws_security_group.this[0]`;
  const resources: IacResource[] = [{ type: 'aws_security_group', address, file, line, body: object(new Map([['vpc_id', inputs.get('vpc_id') ?? scalar('', line)]]), line) }];
  const group = unknown(line, [`${place.name}.security_group_id`], address);
  const port = databasePort(inputs, line);
  if (major >= 10) {
    resources.push(...vpcSecurityGroupRules(inputs.get('security_group_ingress_rules'), 'security_group_ingress_rules', 'ingress', group, place, port));
    resources.push(...vpcSecurityGroupRules(inputs.get('security_group_egress_rules'), 'security_group_egress_rules', 'egress', group, place, port));
    return resources;
  }
  const defaults = (at: number) => new Map<string, IacValue>([['type', scalar('ingress', at)], ['protocol', scalar('tcp', at)], ['from_port', { ...port, line: at }], ['to_port', { ...port, line: at }]]);
  resources.push(...securityGroupRuleMap(inputs.get('security_group_rules'), group, place, defaults, major === 8 ? V8_FIELDS : undefined));
  return resources;
}

/** `coalesce(var.port, engine is aurora-postgresql or postgres ? 5432 : 3306)`. */
function databasePort(inputs: ReadonlyMap<string, IacValue>, line: number): IacValue {
  const port = inputs.get('port');
  if (given(port)) return port;
  const engine = inputs.get('engine');
  if (engine?.kind === 'unknown') return engine;
  const postgres = engine?.kind === 'scalar' && (engine.value === 'aurora-postgresql' || engine.value === 'postgres');
  return scalar(postgres ? 5432 : 3306, line);
}
