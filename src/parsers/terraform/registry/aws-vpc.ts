import { problemAt } from '../../../model/problem.js';
import { quoted } from '../../../model/quote.js';
import { scalar, unknown, type IacResource, type IacValue } from '../../iac/value.js';
import type { KnownModule, KnownPlace } from '../known-modules.js';
import { fetchedMajor } from '../version-constraint.js';
import { list, object } from '../values.js';
import { commaSeparated, countedItems, fieldOf, given, isFalse, rejected } from './call-values.js';
import type { RegistryModule } from './module-address.js';

const MAJORS = [1, 2, 3, 4, 5, 6];
/** A rule's peers, each a comma-separated string (the variables are `list(map(string))`). */
const PEERS = ['cidr_blocks', 'ipv6_cidr_blocks', 'prefix_list_ids', 'security_groups'];

/**
 * terraform-aws-modules' VPC module: of what it deploys, the VPC's default security group is an access rule Parapet
 * judges (`aws_default_security_group.this[0]`), managed when `manage_default_security_group` is true — its default
 * from version 4, false before — with the rules of `default_security_group_ingress` and `_egress`: none unless given,
 * which removes AWS's own. The VPC, subnets, routes and network ACLs are not modelled; nor is the group its
 * vpc-endpoints submodule may create (said where it does).
 */
export function awsVpcModule({ address, submodule, version }: RegistryModule): { module: KnownModule } | { unsupported: string } | undefined {
  if (address !== 'terraform-aws-modules/vpc/aws') return undefined;
  if (submodule === 'vpc-endpoints') return { module: VPC_ENDPOINTS };
  if (submodule !== undefined) return { unsupported: `Parapet knows the module itself and its vpc-endpoints, not its submodule ${quoted(submodule, 60)}` };
  const major = fetchedMajor(version, MAJORS);
  if (typeof major !== 'number') return major;
  return {
    module: {
      // It takes many more variables (its subnets, gateways, flow logs), which Parapet does not check.
      variables: undefined,
      instance: (inputs, place) => ({ resources: defaultSecurityGroup(inputs, place, major >= 4), outputs: unknown(place.line, [place.name]) }),
    },
  };
}

/**
 * `//modules/vpc-endpoints`: VPC endpoints, which open nothing; from version 5 it also creates a security group when
 * `create_security_group` is true (false unless given), whose rules Parapet does not model: that is said.
 */
const VPC_ENDPOINTS: KnownModule = {
  variables: undefined,
  instance(inputs, place) {
    const create = inputs.get('create_security_group');
    if (given(create) && !isFalse(create) && !isFalse(inputs.get('create'))) {
      place.problems.push(problemAt('iac/unsupported', { file: place.file, line: create.line }, `${place.name} creates a security group (create_security_group), whose rules Parapet does not model — they are not judged; scan the plan (terraform show -json), which holds them`, 'warning'));
    }
    return { resources: [], outputs: unknown(place.line, [place.name]) };
  },
};

function defaultSecurityGroup(inputs: ReadonlyMap<string, IacValue>, place: KnownPlace, managedByDefault: boolean): IacResource[] {
  const manage = inputs.get('manage_default_security_group');
  const managed = managedByDefault ? !isFalse(manage) : given(manage) && !isFalse(manage);
  if (!managed || isFalse(inputs.get('create_vpc')) || isFalse(inputs.get('putin_khuylo'))) return [];
  const { file, line } = place;
  const fields = new Map<string, IacValue>([['vpc_id', unknown(line, [`${place.name}.vpc_id`])]]);
  for (const direction of ['ingress', 'egress']) {
    const name = `default_security_group_${direction}`;
    const rules = inputs.get(name) ?? list([], line);
    const items = countedItems(rules);
    if (items === 'not a list') rejected(place, rules, `${name} is not a list of rules`);
    else fields.set(direction, list(items.map(({ item }) => rule(item)), rules.line));
  }
  return [{ type: 'aws_default_security_group', address: `${place.prefix}aws_default_security_group.this[0]`, file, line, body: object(fields, line) }];
}

/** One map of the rules' list, read as the module reads it: all traffic (protocol -1, ports 0) unless it says otherwise. */
function rule(item: IacValue): IacValue {
  const { line } = item;
  const key = (name: string, absent: IacValue) => fieldOf(item, name) ?? absent;
  const fields = new Map<string, IacValue>([
    ['self', key('self', scalar(null, line))],
    ['from_port', key('from_port', scalar(0, line))],
    ['to_port', key('to_port', scalar(0, line))],
    ['protocol', key('protocol', scalar('-1', line))],
  ]);
  for (const peers of PEERS) fields.set(peers, commaSeparated(key(peers, scalar('', line))));
  return object(fields, line);
}
