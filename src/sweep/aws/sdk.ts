/**
 * The AWS SDK modules a sweep uses, loaded when a sweep starts: `parapet scan` never loads them (the bundle splits
 * each dynamic import into a chunk of its own).
 */
export interface AwsSdk {
  ec2: typeof import('@aws-sdk/client-ec2');
  lightsail: typeof import('@aws-sdk/client-lightsail');
  sts: typeof import('@aws-sdk/client-sts');
  credentials: typeof import('@aws-sdk/credential-providers');
}

export async function loadAwsSdk(): Promise<AwsSdk> {
  const [ec2, lightsail, sts, credentials] = await Promise.all([
    import('@aws-sdk/client-ec2'),
    import('@aws-sdk/client-lightsail'),
    import('@aws-sdk/client-sts'),
    import('@aws-sdk/credential-providers'),
  ]);
  return { ec2, lightsail, sts, credentials };
}

/** What an AWS client is given as its credentials: the default chain, or a role assumed through it. */
export type AwsCredentialProvider = ReturnType<AwsSdk['credentials']['fromTemporaryCredentials']>;
