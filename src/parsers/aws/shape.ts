import type { PositionShape } from '../json/locate.js';
import type { StreamPlan } from '../json/stream.js';

/**
 * What the AWS loader reads of an export: the members it uses (the only ones read into values, see JsonProjector)
 * and the lines findings point at — each source entry of a permission, each security group rule's source.
 */

/** A member read for its value; one whose line findings point at. */
const value: PositionShape = { lineless: true };
const located: PositionShape = {};
/** Source entries are small and quoted whole in messages about them; findings point at the entry's source key. */
const entry = (key: string, ...others: string[]): PositionShape => ({
  items: { whole: true, members: Object.fromEntries([[key, located], ...others.map((other) => [other, value])]) },
});

const permission: PositionShape = {
  members: {
    IpProtocol: value, FromPort: value, ToPort: value,
    IpRanges: entry('CidrIp'), Ipv6Ranges: entry('CidrIpv6'), PrefixListIds: entry('PrefixListId'), UserIdGroupPairs: entry('GroupId', 'GroupName', 'UserId'),
  },
};

const groupMembers = {
  GroupId: value, GroupName: value, OwnerId: value, SecurityGroupArn: value,
  IpPermissions: { items: permission }, IpPermissionsEgress: { items: permission },
  // What `parapet sweep aws` adds: the network interfaces that use the group.
  NetworkInterfaces: { items: { members: { NetworkInterfaceId: value, InstanceId: value } } },
};
const groupRuleMembers = {
  SecurityGroupRuleId: value, SecurityGroupRuleArn: value, GroupId: value, GroupOwnerId: value, IsEgress: value,
  IpProtocol: value, FromPort: value, ToPort: value, CidrIpv4: located, CidrIpv6: located, PrefixListId: located, ReferencedGroupInfo: located,
};

const SECURITY_GROUP: PositionShape = { members: groupMembers };
const SECURITY_GROUP_RULE: PositionShape = { members: groupRuleMembers };

/** A page (CLI or SDK output) streams its groups or rules; a bare array streams groups, rules or whole pages. */
export const AWS_STREAM: StreamPlan = {
  project: true,
  arrays: {
    SecurityGroups: SECURITY_GROUP,
    SecurityGroupRules: SECURITY_GROUP_RULE,
    '': { members: { ...groupMembers, ...groupRuleMembers, SecurityGroups: { items: SECURITY_GROUP }, SecurityGroupRules: { items: SECURITY_GROUP_RULE }, NextToken: value } },
  },
  rest: {},
};
