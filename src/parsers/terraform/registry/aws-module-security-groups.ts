import { append } from '../../../model/append.js';
import { quoted } from '../../../model/quote.js';
import { scalar, unknown, type IacResource, type IacValue } from '../../iac/value.js';
import type { KnownModule, KnownPlace } from '../known-modules.js';
import { fetchedMajor } from '../version-constraint.js';
import { object } from '../values.js';
import { given, isFalse } from './call-values.js';
import { securityGroupRuleMap } from './aws-security-group-rule-map.js';
import { vpcSecurityGroupRules } from './aws-vpc-security-group-rules.js';
import type { RegistryModule } from './module-address.js';


/** What ec2-instance gives its group from version 6 when the call gives no egress: all traffic out, IPv4 and IPv6. */
const EC2_DEFAULT_EGRESS = (line: number) =>
  object(new Map([
    ['ipv4_default', object(new Map([['cidr_ipv4', scalar('0.0.0.0/0', line)], ['ip_protocol', scalar('-1', line)]]), line)],
    ['ipv6_default', object(new Map([['cidr_ipv6', scalar('::/0', line)], ['ip_protocol', scalar('-1', line)]]), line)],
  ]), line);

/**
 * The security group terraform-aws-modules' ec2-instance (from version 6) and alb (from 8.3) create beside their
 * instance or load balancer, unless told not to (`create_security_group = false`): its rules the maps
 * `security_group_ingress_rules` and `security_group_egress_rules` (alb 8: one `security_group_rules` map of
 * `aws_security_group_rule`s). Before those versions, and for the rest of what they create, no access rule is theirs:
 * an instance's or a load balancer's own groups are judged where they are written.
 */
export function awsModuleSecurityGroups({ address, submodule, version }: RegistryModule): { module: KnownModule } | { unsupported: string } | undefined {
  const ec2 = address === 'terraform-aws-modules/ec2-instance/aws';
  if (!ec2 && address !== 'terraform-aws-modules/alb/aws') return undefined;
  if (submodule !== undefined) return { unsupported: `Parapet knows the module itself, not its submodule ${quoted(submodule, 60)}` };
  const majors = ec2 ? [1, 2, 3, 4, 5, 6] : [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
  const major = fetchedMajor(version, majors);
  if (typeof major !== 'number') return major;
  const rules = ec2 ? (major >= 6 ? 'maps' : 'none') : major >= 9 ? 'maps' : major === 8 ? 'rule-map' : 'none';
  return {
    module: {
      // Their variables are many more than their security group's, which Parapet does not check.
      variables: undefined,
      instance: (inputs, place) => ({ resources: rules === 'none' ? [] : securityGroup(inputs, place, rules, Boolean(ec2)), outputs: unknown(place.line, [place.name]) }),
    },
  };
}

function securityGroup(inputs: ReadonlyMap<string, IacValue>, place: KnownPlace, rules: 'maps' | 'rule-map', isInstance: boolean): IacResource[] {
  const { line, prefix, file } = place;
  // alb 8 gives a group to an application load balancer only.
  const type = inputs.get('load_balancer_type');
  const notApplication = !isInstance && rules === 'rule-map' && type?.kind === 'scalar' && type.value !== null && type.value !== 'application';
  if (['create', 'create_lb', 'putin_khuylo', 'create_security_group'].some((flag) => isFalse(inputs.get(flag))) || notApplication) return [];
  if (isInstance && given(inputs.get('network_interface'))) return [];
  const address = `${prefix}aws_security_group.this[0]`;
  const resources: IacResource[] = [{ type: 'aws_security_group', address, file, line, body: object(new Map([['vpc_id', inputs.get('security_group_vpc_id') ?? inputs.get('vpc_id') ?? scalar(null, line)]]), line) }];
  const group = unknown(line, [`${place.name}.security_group_id`], address);
  if (rules === 'rule-map') {
    append(resources, securityGroupRuleMap(inputs.get('security_group_rules'), group, place));
    return resources;
  }
  append(resources, vpcSecurityGroupRules(inputs.get('security_group_ingress_rules'), 'security_group_ingress_rules', 'ingress', group, place));
  const egress = inputs.has('security_group_egress_rules') ? inputs.get('security_group_egress_rules') : isInstance ? EC2_DEFAULT_EGRESS(line) : undefined;
  append(resources, vpcSecurityGroupRules(egress, 'security_group_egress_rules', 'egress', group, place));
  return resources;
}
