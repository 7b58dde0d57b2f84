import { basename } from 'node:path';
import { looksLikeArmInput, pairedTemplates } from '../parsers/arm/detect.js';
import { looksLikeAwsSecurityGroups } from '../parsers/aws/detect.js';
import { looksLikeLightsailInstances } from '../parsers/aws/lightsail-detect.js';
import { looksLikeAzureNsgs } from '../parsers/azure/detect.js';
import { calledBicepModules, looksLikeBicep } from '../parsers/bicep/detect.js';
import { looksLikeCloudFormation } from '../parsers/cloudformation/detect.js';
import { looksLikeGcpFirewalls } from '../parsers/gcp/detect.js';
import { looksLikeWindowsFirewall } from '../parsers/netsh/detect.js';
import { calledModuleDirectories, looksLikeTerraform } from '../parsers/iac/detect-terraform.js';
import { looksLikeSshdConfig } from '../parsers/sshd/detect.js';
import { looksLikeTerraformPlan } from '../parsers/terraform-plan/detect.js';
import { looksLikeUfw } from '../parsers/ufw/detect.js';
import type { InputFormat } from './input-format.js';
import { stream, text } from './loading.js';
import { unitSource } from '../parsers/terragrunt/unit-source.js';

const MiB = 1024 * 1024;
/** Cloud exports are read in pieces; configuration files and firewall listings whole. */
const CLOUD_EXPORT_BYTES = 500 * MiB;
/** Listings read whole: a Windows firewall capture, a Lightsail listing. */
const WHOLE_LISTING_BYTES = 64 * MiB;
const TERRAFORM_PLAN_BYTES = 256 * MiB;
export const CONFIG_BYTES = 16 * MiB;
const TERRAGRUNT_STACK = 'terragrunt.stack.hcl';
/** A Terragrunt unit's module (or a stack's catalog), as its first 64 KiB write it: read after the unit claims it. */
const TERRAGRUNT_SOURCE = /^[ \t]*source[ \t]*=[ \t]*"([^"$]{1,500})"/gm;

/** Every input type Parapet reads, in detection order. Parsers are imported only when a file of their type is scanned. */
export const INPUT_FORMATS: readonly InputFormat[] = [
  {
    type: 'terraform',
    comments: true,
    title: 'Terraform configuration (*.tf, *.tf.json, OpenTofu\'s *.tofu; a directory is one module, with its *.tfvars)',
    detect: looksLikeTerraform,
    reads: (_name, head) => calledModuleDirectories(head),
    load: async (path, context) => (await import('../parsers/iac/load-terraform.js')).loadTerraformModule(path, context),
  },
  {
    type: 'terragrunt',
    comments: true,
    title: 'Terragrunt unit (terragrunt.hcl: its module, with its inputs) and stack (terragrunt.stack.hcl: the units it generates)',
    detect: (name) => name === 'terragrunt.hcl' || name === TERRAGRUNT_STACK,
    readsBeyondItsHead: (name) => name === TERRAGRUNT_STACK,
    // Without a source, the unit is the Terraform code beside it.
    reads: (_name, head) => (/^[ \t]*source[ \t]*=/m.test(head) ? terragruntLocalSources(head) : ['.']),
    load: async (path, context) =>
      basename(path) === TERRAGRUNT_STACK
        ? (await import('../parsers/iac/load-terragrunt-stack.js')).loadTerragruntStack(path, context)
        : (await import('../parsers/iac/load-terragrunt.js')).loadTerragruntUnit(path, context),
  },
  {
    type: 'terraform-plan',
    comments: false,
    title: 'Terraform plan (terraform show -json plan.out)',
    detect: looksLikeTerraformPlan,
    load: text(TERRAFORM_PLAN_BYTES, async () => (await import('../parsers/iac/load-terraform-plan.js')).loadTerraformPlan),
  },
  {
    type: 'cloudformation',
    comments: true,
    title: 'AWS CloudFormation templates (YAML or JSON)',
    detect: looksLikeCloudFormation,
    load: text(CONFIG_BYTES, async () => (await import('../parsers/iac/load-cloudformation.js')).loadCloudFormation),
  },
  {
    type: 'arm',
    comments: true,
    title: 'Azure Resource Manager templates (JSON deploymentTemplate), and parameters files with the template or Bicep file each is for',
    detect: looksLikeArmInput,
    reads: pairedTemplates,
    load: text(CONFIG_BYTES, async () => (await import('../parsers/iac/load-arm.js')).loadArm),
  },
  {
    type: 'bicep',
    comments: true,
    title: 'Azure Bicep files (*.bicep, and *.bicepparam with the file each is for)',
    detect: looksLikeBicep,
    reads: (_name, head) => calledBicepModules(head),
    load: text(CONFIG_BYTES, async () => (await import('../parsers/iac/load-bicep.js')).bicepLoader()),
  },
  {
    type: 'aws',
    comments: false,
    title: 'AWS EC2 security groups (describe-security-groups, describe-security-group-rules, SDK v3 output)',
    detect: looksLikeAwsSecurityGroups,
    load: stream(CLOUD_EXPORT_BYTES, async () => (await import('../parsers/aws/load.js')).loadAwsSecurityGroups),
  },
  {
    type: 'aws-lightsail',
    comments: false,
    title: 'AWS Lightsail instances and their firewalls (aws lightsail get-instances / get-instance, SDK output)',
    detect: looksLikeLightsailInstances,
    load: text(WHOLE_LISTING_BYTES, async () => (await import('../parsers/aws/lightsail-export.js')).loadLightsailInstances),
  },
  {
    type: 'azure',
    comments: false,
    title: 'Azure network security groups (az network nsg list, ARM REST, SDK output)',
    detect: looksLikeAzureNsgs,
    load: stream(CLOUD_EXPORT_BYTES, async () => (await import('../parsers/azure/load.js')).loadAzureNsgs),
  },
  {
    type: 'gcp',
    comments: false,
    title: 'GCP VPC firewall rules (gcloud compute firewall-rules list --format=json, REST, SDK output)',
    detect: looksLikeGcpFirewalls,
    load: stream(CLOUD_EXPORT_BYTES, async () => (await import('../parsers/gcp/load.js')).loadGcpFirewalls),
  },
  {
    type: 'windows-firewall',
    comments: false,
    title: 'Windows firewall (netsh advfirewall text, Get-NetFirewallRule JSON)',
    detect: looksLikeWindowsFirewall,
    load: text(WHOLE_LISTING_BYTES, async () => (await import('../parsers/netsh/load.js')).loadWindowsFirewall),
  },
  {
    type: 'ufw',
    comments: true,
    title: 'ufw (ufw status [verbose|numbered], /etc/ufw/user.rules and user6.rules)',
    detect: looksLikeUfw,
    load: text(CONFIG_BYTES, async () => (await import('../parsers/ufw/load.js')).loadUfw),
  },
  {
    type: 'sshd',
    comments: true,
    title: 'OpenSSH server configuration (sshd_config and its Include drop-ins)',
    detect: looksLikeSshdConfig,
    load: text(CONFIG_BYTES, async () => (await import('../parsers/sshd/load.js')).loadSshdConfig),
  },
];

export function formatByType(type: string): InputFormat | undefined {
  return INPUT_FORMATS.find((format) => format.type === type);
}

export function detectFormat(name: string, head: string): InputFormat | undefined {
  return INPUT_FORMATS.find((format) => format.detect(name, head));
}

function terragruntLocalSources(head: string): string[] {
  return [...head.matchAll(TERRAGRUNT_SOURCE)].map((match) => unitSource(match[1])).flatMap((source) => (source.kind === 'local' ? [source.path] : []));
}
