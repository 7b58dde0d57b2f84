/** arn:PARTITION:ec2:REGION:ACCOUNT:security-group/sg-… (or security-group-rule/sgr-…) */
const EC2_ARN = /^arn:(aws[a-z-]{0,20}):ec2:([a-z0-9-]{1,30}):(\d{12}):/;

export interface ArnParts {
  partition: string;
  region: string;
  account: string;
}

export function ec2ArnParts(arn: unknown): ArnParts | undefined {
  if (typeof arn !== 'string') return undefined;
  const match = EC2_ARN.exec(arn);
  return match ? { partition: match[1], region: match[2], account: match[3] } : undefined;
}

export function securityGroupArn(parts: ArnParts, account: string, groupId: string): string {
  return `arn:${parts.partition}:ec2:${parts.region}:${account}:security-group/${groupId}`;
}
