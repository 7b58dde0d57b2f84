import type { SecurityGroup } from '@aws-sdk/client-ec2';
import type { AccountContext, AwsAccount } from './accounts.js';
import { awsFailure } from './failure.js';
import { networkInterfaceUses, type NetworkInterfaceUse, type NetworkInterfaceUses } from './network-interfaces.js';
import { clientConfig } from './sdk-settings.js';

/** The largest page DescribeSecurityGroups gives. */
const PAGE_SIZE = 1000;

/**
 * A group as a sweep yields it. NetworkInterfaces is not in describe-security-groups: the interfaces that list the
 * group (empty when none does), left out when they could not be read (see networkInterfaceUses).
 */
export type SweptSecurityGroup = SecurityGroup & { NetworkInterfaces?: NetworkInterfaceUse[] };

/**
 * The security groups of one account and region, a page at a time, in the shape of `aws ec2 describe-security-groups`
 * (the SDK's output is already that shape), each with the OwnerId and SecurityGroupArn the loader names the asset by,
 * and with what uses it: the region's network interfaces are read first, and held while its groups stream.
 */
export async function* securityGroupPages(context: AccountContext, account: AwsAccount, region: string, label: string, note: (message: string) => void): AsyncGenerator<SweptSecurityGroup[]> {
  const { sdk, settings, endpointUrl } = context;
  const client = new sdk.ec2.EC2Client(clientConfig(settings, region, account.credentials, endpointUrl));
  try {
    let uses: NetworkInterfaceUses | undefined;
    try {
      uses = await networkInterfaceUses(sdk, client);
    } catch (error) {
      note(`${awsFailure(error, 'what uses its security groups is unknown', 'EC2 DescribeNetworkInterfaces').message} — the groups were judged, but no finding can say what they expose, and none is reported unused`);
    }
    for await (const page of sdk.ec2.paginateDescribeSecurityGroups({ client, pageSize: PAGE_SIZE }, {})) {
      yield (page.SecurityGroups ?? []).map((group) => withUses(withIdentity(group, account, region), uses));
    }
  } catch (error) {
    throw awsFailure(error, label, 'EC2 DescribeSecurityGroups');
  } finally {
    client.destroy();
  }
}

/** Answers in some partitions and from emulators leave out SecurityGroupArn; the loader needs it for the region. */
function withIdentity(group: SecurityGroup, account: AwsAccount, region: string): SecurityGroup {
  if (group.SecurityGroupArn && group.OwnerId) return group;
  const owner = group.OwnerId ?? account.id;
  return {
    ...group,
    OwnerId: owner,
    // Without a GroupId the loader reports the group as invalid; an ARN naming no group would only hide that.
    SecurityGroupArn: group.SecurityGroupArn ?? (group.GroupId ? `arn:${account.partition}:ec2:${region}:${owner}:security-group/${group.GroupId}` : undefined),
  };
}

function withUses(group: SecurityGroup, uses: NetworkInterfaceUses | undefined): SweptSecurityGroup {
  if (!uses) return group;
  return { ...group, NetworkInterfaces: (group.GroupId && uses.get(group.GroupId)) || [] };
}
