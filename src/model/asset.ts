/** What a finding is about: a host's sshd, a host firewall, a security group, an NSG, a VPC firewall. */
export interface Asset {
  kind: 'sshd' | 'ufw' | 'windows-firewall' | 'aws-security-group' | 'azure-nsg' | 'gcp-network';
  /** Stable identity: a group ARN or id, an NSG resource id, a file path for host configs. */
  id: string;
  name?: string;
  /** AWS account, Azure subscription, GCP project. */
  account?: string;
  region?: string;
}

export function describeAsset(asset: Asset): string {
  const name = asset.name && asset.name !== asset.id ? ` (${asset.name})` : '';
  return `${asset.id}${name}`;
}
