import { quoted } from '../../model/quote.js';
import { SweepFailure } from '../cloud-sweeper.js';
import { awsFailure } from './failure.js';
import type { AwsCredentialProvider, AwsSdk } from './sdk.js';
import { clientConfig, defaultRegion, type AwsSdkSettings } from './sdk-settings.js';

/** An account a sweep reads, and the credentials it is read with. */
export interface AwsAccount {
  id: string;
  /** 'aws', 'aws-cn', 'aws-us-gov': the first part of the ARNs composed for its groups. */
  partition: string;
  credentials: AwsCredentialProvider;
  /** For messages: 'AWS account 123456789012' (with the role when one was assumed). */
  label: string;
}

export interface AccountContext {
  sdk: AwsSdk;
  settings: AwsSdkSettings;
  endpointUrl: string | undefined;
  /** The default credential chain: the caller's own identity, and what every role is assumed with. */
  chain: AwsCredentialProvider;
}

const ROLE_ARN = /^arn:(aws[a-z-]{0,20}):iam::(\d{12}):role\/[\w+=,.@/-]{1,512}$/;
const ACCOUNT_ID = /^\d{12}$/;

/** The account of the default credentials, from STS GetCallerIdentity. */
export async function callerAccount(context: AccountContext): Promise<AwsAccount> {
  const { sdk, settings, endpointUrl, chain } = context;
  const region = defaultRegion();
  const client = new sdk.sts.STSClient(clientConfig(settings, region, chain, endpointUrl));
  const subject = 'AWS default credentials';
  try {
    const identity = await client.send(new sdk.sts.GetCallerIdentityCommand({}));
    const account = identity.Account ?? '';
    if (!ACCOUNT_ID.test(account)) throw new SweepFailure(`${subject}: STS GetCallerIdentity in ${region} answered no 12-digit account id (${quoted(account)})`);
    return { id: account, partition: partitionOf(identity.Arn), credentials: chain, label: `AWS account ${account}` };
  } catch (error) {
    throw awsFailure(error, subject, `STS GetCallerIdentity in ${region}`);
  } finally {
    client.destroy();
  }
}

/**
 * The account of a role, from its ARN, with credentials from assuming it through the default chain. The role is
 * assumed here once, so that one that cannot be assumed fails its account before any of its regions is listed.
 */
export async function roleAccount(context: AccountContext, roleArn: string): Promise<AwsAccount> {
  const match = ROLE_ARN.exec(roleArn);
  if (!match) throw new SweepFailure(`the role ${quoted(roleArn, 120)} is not an IAM role ARN (arn:aws:iam::<12-digit account>:role/<name>)`, 'credentials');
  const [, partition, id] = match;
  const { sdk, settings, endpointUrl, chain } = context;
  const region = defaultRegion();
  const assumed = sharedCredentials(sdk.credentials.fromTemporaryCredentials({
    masterCredentials: chain,
    params: { RoleArn: roleArn, RoleSessionName: 'parapet-sweep' },
    clientConfig: clientConfig(settings, region, chain, endpointUrl),
  }));
  const label = `AWS account ${id} (role ${quoted(roleArn, 120)})`;
  try {
    await assumed();
  } catch (error) {
    throw awsFailure(error, label, `STS AssumeRole in ${region}`, true);
  }
  return { id, partition, credentials: assumed, label };
}

function partitionOf(arn: string | undefined): string {
  return /^arn:(aws[a-z-]{0,20}):/.exec(arn ?? '')?.[1] ?? 'aws';
}

/** How long before expiry assumed credentials are renewed: a page must not be signed with a key about to lapse. */
const RENEW_BEFORE_MS = 5 * 60_000;

/**
 * One provider for all the clients of an account: fromTemporaryCredentials calls AssumeRole on every call, and each
 * client would call it once, so every region would assume the role again.
 */
function sharedCredentials(provider: AwsCredentialProvider): AwsCredentialProvider {
  type Identity = Awaited<ReturnType<AwsCredentialProvider>>;
  let held: Identity | undefined;
  let pending: Promise<Identity> | undefined;
  return async (properties) => {
    if (held && (!held.expiration || held.expiration.getTime() - Date.now() > RENEW_BEFORE_MS)) return held;
    pending ??= provider(properties).then((identity) => (held = identity)).finally(() => (pending = undefined));
    return pending;
  };
}
