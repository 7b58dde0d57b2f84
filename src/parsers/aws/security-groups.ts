import type { SourceLocation } from '../../model/location.js';
import type { InputProblem } from '../../model/problem.js';
import { shown } from '../../model/quote.js';
import type { AddressMatch, AttachedResource, NetworkAsset, NetworkRule, TrafficDirection } from '../../network/model.js';
import { arrayOf, cidrAddress, isObject, stringOf } from '../json/cloud-values.js';
import { quotedJson } from '../json/quote.js';
import type { JsonPosition } from '../json/locate.js';
import { ec2ArnParts, securityGroupArn, type ArnParts } from './arn.js';
import { invalidRule, protocolAndPorts } from './permission.js';
import { securityGroupAsset } from './asset.js';

const PERMISSION_LISTS: [string, TrafficDirection][] = [['IpPermissions', 'inbound'], ['IpPermissionsEgress', 'outbound']];

/** The four places a permission names its peers, and how each becomes an AddressMatch. */
const SOURCE_LISTS: [list: string, key: string, toAddress: (entry: Record<string, unknown>) => AddressMatch | undefined][] = [
  ['IpRanges', 'CidrIp', (entry) => cidrAddress(entry.CidrIp)],
  ['Ipv6Ranges', 'CidrIpv6', (entry) => cidrAddress(entry.CidrIpv6)],
  ['PrefixListIds', 'PrefixListId', (entry) => {
    const id = stringOf(entry.PrefixListId);
    // A prefix list's entries are not in this export: it may hold 0.0.0.0/0, so it is never assumed private.
    return id ? { kind: 'symbol', name: id, public: 'unknown', text: id } : undefined;
  }],
  ['UserIdGroupPairs', 'GroupId', (entry) => {
    const group = stringOf(entry.GroupId) ?? stringOf(entry.GroupName);
    if (!group) return undefined;
    const owner = stringOf(entry.UserId);
    return { kind: 'group', ref: owner ? `${owner}/${group}` : group, text: group };
  }],
];

/** One describe-security-groups group as a NetworkAsset: one rule per source entry, located at that entry. */
export function securityGroupToAsset(
  group: Record<string, unknown>,
  position: JsonPosition | undefined,
  where: string,
  file: string,
  fileArn: ArnParts | undefined,
  problems: InputProblem[],
): NetworkAsset | undefined {
  const groupLine = position?.line ?? 1;
  const groupId = stringOf(group.GroupId);
  if (!groupId) {
    problems.push({ id: 'aws/invalid-group', file, line: groupLine, level: 'error', message: `${where} has no GroupId — not judged; export with aws ec2 describe-security-groups --output json` });
    return undefined;
  }
  // An identifier, shown as it is but escaped and cut: it may have been written by anyone.
  const shownGroup = shown(groupId, 64);
  const owner = stringOf(group.OwnerId);
  const arn = stringOf(group.SecurityGroupArn);
  const arnParts = ec2ArnParts(arn) ?? fileArn;
  const id = arn ?? (arnParts && owner ? securityGroupArn(arnParts, owner, groupId) : groupId);
  const asset = securityGroupAsset({ id, groupId, name: stringOf(group.GroupName), account: owner ?? arnParts?.account, region: arnParts?.region }, { file, line: groupLine });

  for (const [listKey, direction] of PERMISSION_LISTS) {
    const permissions = arrayOf(group[listKey]);
    const permissionPositions = position?.member(listKey);
    for (let index = 0; index < permissions.length; index++) {
      const permission = permissions[index];
      const permissionPosition = permissionPositions?.item(index);
      const label = `${listKey}[${index}]`;
      const permissionLine = permissionPosition?.line ?? groupLine;
      if (!isObject(permission)) {
        problems.push(invalidRule(file, permissionLine, `${shownGroup} ${label}`, 'is not an object'));
        continue;
      }
      const traffic = protocolAndPorts(permission);
      if (typeof traffic === 'string') {
        problems.push(invalidRule(file, permissionLine, `${shownGroup} ${label}`, traffic));
        continue;
      }
      for (const [sourceList, sourceKey, toAddress] of SOURCE_LISTS) {
        const entries = arrayOf(permission[sourceList]);
        const entryPositions = permissionPosition?.member(sourceList);
        for (let k = 0; k < entries.length; k++) {
          const entry = entries[k];
          const entryPosition = entryPositions?.item(k);
          const location: SourceLocation = at(file, entryPosition?.member(sourceKey) ?? entryPosition ?? permissionPosition, groupLine);
          const address = isObject(entry) ? toAddress(entry) : undefined;
          if (!address) {
            problems.push(invalidRule(file, location.line, `${shownGroup} ${label}.${sourceList}[${k}]`, isObject(entry) ? `${sourceKey} ${quotedJson(entry[sourceKey])} is not valid` : `${quotedJson(entry)} is not an object`));
            continue;
          }
          asset.rules.push(permissionRule(direction, traffic, address, label, location));
        }
      }
    }
  }
  const usedBy = networkInterfacesOf(group.NetworkInterfaces);
  if (usedBy) asset.usedBy = usedBy;
  return asset;
}

/**
 * The network interfaces a sweep read for the group (`parapet sweep aws` adds them; describe-security-groups has no
 * such member): undefined when the input does not say.
 */
function networkInterfacesOf(value: unknown): AttachedResource[] | undefined {
  if (!Array.isArray(value)) return undefined;
  return value.filter(isObject).flatMap((entry) => {
    const id = stringOf(entry.NetworkInterfaceId);
    if (!id) return [];
    const instance = stringOf(entry.InstanceId);
    return [instance ? { kind: 'network interface' as const, id, instance } : { kind: 'network interface' as const, id }];
  });
}

export function permissionRule(
  direction: TrafficDirection,
  traffic: { protocol: string; ports: NetworkRule['ports']; text: string },
  address: AddressMatch,
  label: string,
  location: SourceLocation,
): NetworkRule {
  const peer = address.kind === 'cidr' ? address.cidr : address.text;
  const way = direction === 'inbound' ? 'from' : 'to';
  return {
    id: `${direction}/${traffic.text}/${peer}`,
    label: `${label} ${traffic.text} ${way} ${address.kind === 'cidr' ? peer : shown(peer, 64)}`,
    direction,
    action: 'allow',
    protocol: traffic.protocol,
    ports: traffic.ports,
    remote: [address],
    priority: 0,
    enabled: true,
    location,
  };
}

export function at(file: string, position: JsonPosition | undefined, fallbackLine: number): SourceLocation {
  return { file, line: position?.line ?? fallbackLine };
}
