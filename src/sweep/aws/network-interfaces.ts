import type { EC2Client, NetworkInterface } from '@aws-sdk/client-ec2';
import type { AwsSdk } from './sdk.js';

/** The largest page DescribeNetworkInterfaces gives. */
const PAGE_SIZE = 1000;

/** One network interface that lists a security group, as the sweep records it on the group. */
export interface NetworkInterfaceUse {
  NetworkInterfaceId: string;
  /** The instance the interface is attached to, when it is attached to one. */
  InstanceId?: string;
  Description?: string;
}

/** Security group id → the network interfaces that list it. */
export type NetworkInterfaceUses = Map<string, NetworkInterfaceUse[]>;

/**
 * What uses each security group of one account and region, from every page of DescribeNetworkInterfaces, asked with
 * the client (and so the retries and timeouts) that reads the groups.
 *
 * Throws the SDK's error when the interfaces cannot be read after its retries, whatever the reason (UnauthorizedOperation
 * for a role allowed ec2:DescribeSecurityGroups only, throttling that outlasts the retries, a timeout): the caller then
 * yields the groups without NetworkInterfaces — what uses them is unknown, which an empty list would misstate — and
 * notes it, without failing the target. Refused credentials need no case of their own here: DescribeSecurityGroups,
 * asked next, fails the target for them.
 *
 * Memory: the whole region's interfaces are held (their id, instance and description only, one object per interface
 * however many groups it lists) while that region's groups stream; one region's worth per target being read.
 */
export async function networkInterfaceUses(sdk: AwsSdk, client: EC2Client): Promise<NetworkInterfaceUses> {
  const uses: NetworkInterfaceUses = new Map();
  for await (const page of sdk.ec2.paginateDescribeNetworkInterfaces({ client, pageSize: PAGE_SIZE }, {})) {
    for (const networkInterface of page.NetworkInterfaces ?? []) addUse(uses, networkInterface);
  }
  return uses;
}

function addUse(uses: NetworkInterfaceUses, networkInterface: NetworkInterface): void {
  const { NetworkInterfaceId: id, Attachment: attachment, Description: description } = networkInterface;
  if (!id) return;
  const use: NetworkInterfaceUse = { NetworkInterfaceId: id };
  if (attachment?.InstanceId) use.InstanceId = attachment.InstanceId;
  if (typeof description === 'string') use.Description = description;
  const groupIds = new Set((networkInterface.Groups ?? []).map((group) => group.GroupId).filter((groupId): groupId is string => !!groupId));
  for (const groupId of groupIds) {
    const list = uses.get(groupId);
    if (list) list.push(use);
    else uses.set(groupId, [use]);
  }
}
