import { looksLikeAwsSecurityGroups } from '../parsers/aws/detect.js';
import { looksLikeAzureNsgs } from '../parsers/azure/detect.js';
import { looksLikeGcpFirewalls } from '../parsers/gcp/detect.js';
import { looksLikeWindowsFirewall } from '../parsers/netsh/detect.js';
import { looksLikeSshdConfig } from '../parsers/sshd/detect.js';
import { looksLikeUfw } from '../parsers/ufw/detect.js';
import type { InputFormat } from './input-format.js';

const MiB = 1024 * 1024;

/** Every input type Parapet reads, in detection order. Parsers are imported only when a file of their type is scanned. */
export const INPUT_FORMATS: readonly InputFormat[] = [
  {
    type: 'aws',
    title: 'AWS EC2 security groups (describe-security-groups, describe-security-group-rules, SDK v3 output)',
    maxBytes: 500 * MiB,
    detect: looksLikeAwsSecurityGroups,
    loader: async () => (await import('../parsers/aws/load.js')).loadAwsSecurityGroups,
  },
  {
    type: 'azure',
    title: 'Azure network security groups (az network nsg list, ARM REST, SDK output)',
    maxBytes: 500 * MiB,
    detect: looksLikeAzureNsgs,
    loader: async () => (await import('../parsers/azure/load.js')).loadAzureNsgs,
  },
  {
    type: 'gcp',
    title: 'GCP VPC firewall rules (gcloud compute firewall-rules list --format=json, REST, SDK output)',
    maxBytes: 500 * MiB,
    detect: looksLikeGcpFirewalls,
    loader: async () => (await import('../parsers/gcp/load.js')).loadGcpFirewalls,
  },
  {
    type: 'windows-firewall',
    title: 'Windows firewall (netsh advfirewall text, Get-NetFirewallRule JSON)',
    maxBytes: 64 * MiB,
    detect: looksLikeWindowsFirewall,
    loader: async () => (await import('../parsers/netsh/load.js')).loadWindowsFirewall,
  },
  {
    type: 'ufw',
    title: 'ufw (ufw status [verbose|numbered], /etc/ufw/user.rules and user6.rules)',
    maxBytes: 16 * MiB,
    detect: looksLikeUfw,
    loader: async () => (await import('../parsers/ufw/load.js')).loadUfw,
  },
  {
    type: 'sshd',
    title: 'OpenSSH server configuration (sshd_config and its Include drop-ins)',
    maxBytes: 16 * MiB,
    detect: looksLikeSshdConfig,
    loader: async () => (await import('../parsers/sshd/load.js')).loadSshdConfig,
  },
];

export function formatByType(type: string): InputFormat | undefined {
  return INPUT_FORMATS.find((format) => format.type === type);
}

export function detectFormat(name: string, head: string): InputFormat | undefined {
  return INPUT_FORMATS.find((format) => format.detect(name, head));
}
