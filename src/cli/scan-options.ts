import type { Options } from 'yargs';
import { REPORT_FORMATS } from '../reporters/index.js';

export const INPUT_TYPES = ['sshd', 'ufw', 'windows-firewall', 'aws', 'aws-lightsail', 'azure', 'gcp', 'terraform', 'terragrunt', 'terraform-plan', 'cloudformation', 'arm', 'bicep'] as const;

/** The options of `parapet scan`: the CLI parses them, and the GitHub Action parses its `args` input by the same rules. */
export const SCAN_OPTIONS = {
  type: { choices: INPUT_TYPES, describe: 'Read every file as this input type instead of detecting it' },
  format: { choices: REPORT_FORMATS, default: 'text' as const, describe: 'Output format' },
  output: { type: 'string', describe: 'Write the report to this file instead of standard output' },
  root: { type: 'string', describe: 'A collected host image: paths inside inputs (sshd Include, links) are read inside it, as if it were /' },
  'fail-on': { choices: ['critical', 'high', 'medium', 'low', 'none'] as const, default: 'medium' as const, describe: 'Exit 1 when a finding has at least this severity' },
  'app-ports': { type: 'string', describe: 'Application ports that must never be reachable from public addresses (comma-separated; default: networks.appPorts of .parapet.yml, else 8081,8084)' },
  config: { type: 'string', describe: 'The configuration file (default: the .parapet.yml found upward from the scanned paths, up to the repository root)' },
  'inline-ignores': { type: 'boolean', default: true, describe: 'Honour # parapet-ignore comments (--no-inline-ignores: report what they suppress, for an auditor)' },
  'var-file': { type: 'string', array: true, describe: 'Terraform: a variable file to read after the module\'s own (repeatable, in order)' },
  parameter: { type: 'string', array: true, describe: 'CloudFormation, ARM and Bicep: a template parameter value, key=value (repeatable)' },
  fix: { type: 'boolean', describe: 'Edit sshd configurations in place to make every safe one-line fix, then report what remains' },
  baseline: { type: 'string', describe: 'A SARIF log of an earlier scan (parapet baseline write): mark each finding new, unchanged, updated or absent, and fail only on new ones' },
} as const satisfies Record<string, Options>;
