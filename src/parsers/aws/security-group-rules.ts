import type { InputProblem } from '../../model/problem.js';
import { shown } from '../../model/quote.js';
import type { AddressMatch, NetworkAsset } from '../../network/model.js';
import { cidrAddress, isObject, stringOf } from '../json/cloud-values.js';
import type { JsonPosition } from '../json/locate.js';
import { ec2ArnParts, securityGroupArn, type ArnParts } from './arn.js';
import { securityGroupAsset } from './asset.js';
import { invalidRule, protocolAndPorts } from './permission.js';
import { at, permissionRule } from './security-groups.js';

/** describe-security-group-rules lists one rule per source: they are gathered back into one asset per security group. */
export class SecurityGroupRules {
  private readonly assets = new Map<string, NetworkAsset>();

  constructor(
    private readonly file: string,
    private readonly problems: InputProblem[],
  ) {}

  add(rule: unknown, position: JsonPosition | undefined, where: string, fileArn: ArnParts | undefined): void {
    const { file, problems } = this;
    const line = position?.line ?? 1;
    const groupId = isObject(rule) ? stringOf(rule.GroupId) : undefined;
    if (!isObject(rule) || !groupId) {
      problems.push(invalidRule(file, line, where, 'has no GroupId'));
      return;
    }
    const traffic = protocolAndPorts(rule);
    if (typeof traffic === 'string') {
      problems.push(invalidRule(file, line, `${shown(groupId, 64)} ${where}`, traffic));
      return;
    }
    const peer = peerOf(rule);
    if (!peer) {
      problems.push(invalidRule(file, line, `${shown(groupId, 64)} ${where}`, 'names no valid CidrIpv4, CidrIpv6, PrefixListId or ReferencedGroupInfo'));
      return;
    }
    let asset = this.assets.get(groupId);
    if (!asset) {
      const owner = stringOf(rule.GroupOwnerId);
      const arnParts = ec2ArnParts(rule.SecurityGroupRuleArn) ?? fileArn;
      const id = arnParts && owner ? securityGroupArn(arnParts, owner, groupId) : groupId;
      asset = securityGroupAsset({ id, groupId, account: owner ?? arnParts?.account, region: arnParts?.region }, { file, line });
      this.assets.set(groupId, asset);
    }
    const ruleId = stringOf(rule.SecurityGroupRuleId);
    const label = ruleId ? shown(ruleId, 64) : where;
    const direction = rule.IsEgress === true ? 'outbound' : 'inbound';
    asset.rules.push(permissionRule(direction, traffic, peer.address, label, at(file, position?.member(peer.key) ?? position, line)));
  }

  /** One asset per security group, complete once every rule has been added. */
  all(): IterableIterator<NetworkAsset> {
    return this.assets.values();
  }
}

function peerOf(rule: Record<string, unknown>): { key: string; address: AddressMatch } | undefined {
  if (rule.CidrIpv4 !== undefined) return wrap('CidrIpv4', cidrAddress(rule.CidrIpv4));
  if (rule.CidrIpv6 !== undefined) return wrap('CidrIpv6', cidrAddress(rule.CidrIpv6));
  const prefixList = stringOf(rule.PrefixListId);
  if (prefixList) return { key: 'PrefixListId', address: { kind: 'symbol', name: prefixList, public: 'unknown', text: prefixList } };
  const referenced = isObject(rule.ReferencedGroupInfo) ? rule.ReferencedGroupInfo : undefined;
  const group = referenced && stringOf(referenced.GroupId);
  if (!referenced || !group) return undefined;
  const owner = stringOf(referenced.UserId);
  return { key: 'ReferencedGroupInfo', address: { kind: 'group', ref: owner ? `${owner}/${group}` : group, text: group } };
}

function wrap(key: string, address: AddressMatch | undefined): { key: string; address: AddressMatch } | undefined {
  return address ? { key, address } : undefined;
}
