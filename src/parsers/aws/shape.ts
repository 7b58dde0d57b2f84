import type { PositionShape } from '../json/locate.js';

/** The members whose lines AWS findings point at: each source entry of a permission, each security group rule's source. */

const entry = (key: string): PositionShape => ({ items: { members: { [key]: {} } } });

const permission: PositionShape = {
  members: { IpRanges: entry('CidrIp'), Ipv6Ranges: entry('CidrIpv6'), PrefixListIds: entry('PrefixListId'), UserIdGroupPairs: entry('GroupId') },
};

const groupMembers = { IpPermissions: { items: permission }, IpPermissionsEgress: { items: permission } };
const groupRuleMembers = { CidrIpv4: {}, CidrIpv6: {}, PrefixListId: {}, ReferencedGroupInfo: {} };
const pageMembers = {
  SecurityGroups: { items: { members: groupMembers } },
  SecurityGroupRules: { items: { members: groupRuleMembers } },
};

/** A page (CLI or SDK output) or a bare array of groups, of rules, or of pages. */
export const AWS_POSITIONS: PositionShape = {
  members: pageMembers,
  items: { members: { ...groupMembers, ...groupRuleMembers, ...pageMembers } },
};
