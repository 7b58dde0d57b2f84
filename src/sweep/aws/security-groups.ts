import type { SecurityGroup } from '@aws-sdk/client-ec2';
import type { AccountContext, AwsAccount } from './accounts.js';
import { awsFailure } from './failure.js';
import { clientConfig } from './sdk-settings.js';

/** The largest page DescribeSecurityGroups gives. */
const PAGE_SIZE = 1000;

/**
 * The security groups of one account and region, a page at a time, in the shape of `aws ec2 describe-security-groups`
 * (the SDK's output is already that shape), each with the OwnerId and SecurityGroupArn the loader names the asset by.
 */
export async function* securityGroupPages(context: AccountContext, account: AwsAccount, region: string, label: string): AsyncGenerator<SecurityGroup[]> {
  const { sdk, settings, endpointUrl } = context;
  const client = new sdk.ec2.EC2Client(clientConfig(settings, region, account.credentials, endpointUrl));
  try {
    for await (const page of sdk.ec2.paginateDescribeSecurityGroups({ client, pageSize: PAGE_SIZE }, {})) {
      yield (page.SecurityGroups ?? []).map((group) => withIdentity(group, account, region));
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
