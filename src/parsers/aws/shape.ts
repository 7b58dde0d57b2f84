import type { PositionShape } from '../json/locate.js';
import type { StreamPlan } from '../json/stream.js';

/** The members whose lines AWS findings point at: each source entry of a permission, each security group rule's source. */

const entry = (key: string): PositionShape => ({ items: { members: { [key]: {} } } });

const permission: PositionShape = {
  members: { IpRanges: entry('CidrIp'), Ipv6Ranges: entry('CidrIpv6'), PrefixListIds: entry('PrefixListId'), UserIdGroupPairs: entry('GroupId') },
};

const groupMembers = { IpPermissions: { items: permission }, IpPermissionsEgress: { items: permission } };
const groupRuleMembers = { CidrIpv4: {}, CidrIpv6: {}, PrefixListId: {}, ReferencedGroupInfo: {} };

export const SECURITY_GROUP: PositionShape = { members: groupMembers };
const SECURITY_GROUP_RULE: PositionShape = { members: groupRuleMembers };

/** A page (CLI or SDK output) streams its groups or rules; a bare array streams groups, rules or whole pages. */
export const AWS_STREAM: StreamPlan = {
  arrays: {
    SecurityGroups: SECURITY_GROUP,
    SecurityGroupRules: SECURITY_GROUP_RULE,
    '': { members: { ...groupMembers, ...groupRuleMembers, SecurityGroups: { items: SECURITY_GROUP }, SecurityGroupRules: { items: SECURITY_GROUP_RULE } } },
  },
  rest: {},
};
