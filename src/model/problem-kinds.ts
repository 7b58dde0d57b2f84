/** What one kind of input problem means: its SARIF notification descriptor (GitHub wants all three texts). */
export interface ProblemKind {
  title: string;
  /** What happened and what Parapet judged without. */
  description: string;
  /** What to do about it. */
  help: string;
}

const RECAPTURE_UFW = "Capture it again as root with 'sudo LANG=C ufw status verbose', or collect /etc/ufw/user.rules with ufw.conf and /etc/default/ufw beside it.";
const RECAPTURE_NETSH = 'Capture the firewall again, unedited: netsh advfirewall firewall show rule name=all verbose, and netsh advfirewall show allprofiles into the same file; or the PowerShell export (Get-NetFirewallRule joined with its port and address filters, ConvertTo-Json -Depth 4).';

/**
 * Every problem id Parapet emits. InputProblem.id is typed by this catalogue, so an id cannot be emitted without being
 * described here.
 */
export const PROBLEM_KINDS = {
  'input/unreadable': {
    title: 'A file could not be read',
    description: 'Parapet could not open, read or list a path it was asked to scan (it does not exist, permission was denied, or the read failed). Nothing in it was judged.',
    help: 'Check that the path exists and that the user running Parapet may read it; collect the file again if it is damaged.',
  },
  'input/too-large': {
    title: 'A file is larger than its input type allows',
    description: 'The file is larger than the limit Parapet sets for its input type, so it was not read and nothing in it was judged. The limits keep a runaway or hostile file from exhausting memory.',
    help: 'Check that the right file was captured: a configuration file or a firewall listing is small. Split a very large cloud export, for example by region or account, and scan the parts.',
  },
  'input/binary': {
    title: 'A file is binary',
    description: 'The file contains NUL bytes and is not UTF-16 text: it is not a configuration or capture Parapet reads, so it was not scanned.',
    help: 'Scan the text capture of the configuration instead (for the Windows firewall the netsh or PowerShell output, not a .wfw export). If the file should be text, capture it again.',
  },
  'input/unrecognised': {
    title: 'A file is not an input type Parapet reads',
    description: 'A file named on the command line, or a JSON document given to a cloud loader, is not recognised as sshd_config, ufw output, a Windows firewall capture, or an AWS, Azure or GCP export. Nothing in it was judged.',
    help: 'Name the input type with --type if detection missed it, or export the data with one of the commands the README lists under "Capturing inputs on a real host".',
  },
  'input/unparseable': {
    title: 'A file could not be parsed',
    description: 'The file looks like an input Parapet reads but is not well formed: empty or invalid JSON, JSON nested too deeply, or text that is neither netsh layout nor JSON. What could not be parsed was not judged; in a JSON export the items before the break still are.',
    help: 'Capture the file again, unedited, with the command the README names for its type. The location points at the line where it breaks.',
  },
  'input/unsupported': {
    title: 'A known format Parapet does not read',
    description: 'The file is in a format Parapet recognises but does not read, such as the EC2 Query API XML. Nothing in it was judged.',
    help: 'Export the data in a supported form: for AWS, aws ec2 describe-security-groups --output json (or the SDK v3 output saved as JSON).',
  },
  'input/nothing-scanned': {
    title: 'No input was found',
    description: 'None of the paths given held a file Parapet reads, so nothing was judged. Parapet never reports a clean result for what it did not look at.',
    help: 'Check the paths given; name the input type with --type if detection missed it.',
  },
  'input/outside-boundary': {
    title: 'A referenced path lies outside the scanned tree',
    description: 'A path an input refers to (an sshd Include, a symbolic link) lies outside the tree being scanned, so it was not read. The input was judged without it.',
    help: 'Scan with --root set to the collected host image, or collect the files it refers to inside the scanned tree.',
  },
  'sshd/include-unresolved': {
    title: 'An sshd Include cannot be read',
    description: 'An Include directive names a file that cannot be read (a link that leads nowhere, no permission, too large, or binary). sshd would refuse to start with this configuration; the settings it would include were not checked.',
    help: 'Collect the included file with the configuration (beside it, or in a host image scanned with --root), or fix the Include.',
  },
  'sshd/include-unmatched': {
    title: 'An sshd Include matches no file',
    description: 'An Include directive matches no file inside the scanned tree. sshd ignores such an Include silently; Parapet judged the configuration without the drop-ins it would add, which may change the effective settings.',
    help: 'Collect the drop-ins beside the file, or in a host image scanned with --root (for example HOST/etc/ssh/sshd_config.d/).',
  },
  'ufw/empty': {
    title: 'An empty ufw capture',
    description: 'The file is empty: it holds no ufw status and no rules, so nothing was judged.',
    help: RECAPTURE_UFW,
  },
  'ufw/not-status': {
    title: 'Not ufw status output',
    description: "The file does not begin with ufw's 'Status: active' or 'Status: inactive' line (ufw may have printed an error instead), so it is not complete ufw status output and was not judged.",
    help: RECAPTURE_UFW,
  },
  'ufw/unparseable-row': {
    title: 'A ufw status row could not be read',
    description: 'A row of the ufw status table could not be read as a rule. That rule was not judged; the others were.',
    help: RECAPTURE_UFW,
  },
  'ufw/unparseable-default': {
    title: 'The ufw default policy could not be read',
    description: "The 'Default:' line of ufw status verbose could not be read, so the default policy was not judged from it.",
    help: RECAPTURE_UFW,
  },
  'ufw/unknown-app-profile': {
    title: 'A ufw application profile whose ports are not shown',
    description: "A rule names an application profile that Parapet does not know, and this form of 'ufw status' shows the profile's name, not its ports. The rule was not judged.",
    help: "Scan 'ufw status verbose' or /etc/ufw/user.rules, which show the profile's ports.",
  },
  'ufw/state-unknown': {
    title: 'Whether ufw is enabled is not shown',
    description: "The input does not show whether ufw is enabled (no 'Status:' line; for user.rules, no ufw.conf beside it). Its rules were judged as if ufw were active.",
    help: "Scan complete 'ufw status verbose' output, or collect /etc/ufw/ufw.conf beside user.rules.",
  },
  'ufw/default-policy-unknown': {
    title: 'The ufw default policy is not shown',
    description: "This form of ufw output does not show the default policy (plain and numbered status do not; for user.rules, /etc/default/ufw was not beside it). ufw's shipped default was assumed: deny incoming, allow outgoing.",
    help: "Scan 'ufw status verbose', or collect /etc/default/ufw with user.rules.",
  },
  'ufw/malformed-tuple': {
    title: 'A malformed rule in user.rules',
    description: "A '### tuple ###' line of user.rules could not be read. That rule was not judged; the others were.",
    help: 'Copy /etc/ufw/user.rules from the host again, unedited; ufw writes these lines itself.',
  },
  'ufw/truncated': {
    title: 'user.rules is cut off',
    description: "The file ends before '### END RULES ###': it looks cut off, and rules after its last line were not judged.",
    help: 'Copy the whole /etc/ufw/user.rules again.',
  },
  'ufw/not-user-rules': {
    title: 'Not a ufw user.rules file',
    description: "The file has neither '### tuple ###' lines nor ufw chains, so it is not a ufw user.rules file. Nothing was judged.",
    help: "Scan /etc/ufw/user.rules (or user6.rules) or 'ufw status verbose' output.",
  },
  'netsh/no-rules': {
    title: 'The Windows firewall capture holds no rules',
    description: 'netsh printed that no rules match, or the PowerShell JSON holds no firewall rule or profile objects, so nothing could be judged.',
    help: RECAPTURE_NETSH,
  },
  'netsh/unknown-language': {
    title: 'netsh output in a language Parapet does not read',
    description: "The capture has netsh's layout, but its labels are neither English nor German. netsh translates labels and values, so the capture was not judged rather than guessed at.",
    help: 'Use the PowerShell export, which does not depend on the language: Get-NetFirewallRule joined with Get-NetFirewallPortFilter and Get-NetFirewallAddressFilter, ConvertTo-Json -Depth 4.',
  },
  'netsh/truncated-rule': {
    title: 'A Windows firewall rule is cut off',
    description: 'A rule block lacks its Direction or Action line: the capture looks cut off there. That rule was not judged; the rest were.',
    help: RECAPTURE_NETSH,
  },
  'netsh/bad-value': {
    title: 'A Windows firewall value could not be read',
    description: 'A value of a rule or profile could not be read. The rule was skipped, or the unreadable port or address left out of it.',
    help: RECAPTURE_NETSH,
  },
  'netsh/filters-missing': {
    title: 'PowerShell rules without their port and address filters',
    description: 'Get-NetFirewallRule output has no Protocol, LocalPort or RemoteAddress: those live in separate filter objects, which were not joined in. Nothing could be judged.',
    help: 'Join Get-NetFirewallPortFilter and Get-NetFirewallAddressFilter into each rule before ConvertTo-Json -Depth 4.',
  },
  'netsh/filter-missing': {
    title: 'A PowerShell rule without RemoteAddress',
    description: 'A rule of the PowerShell export has no RemoteAddress, so it was judged as open to any address.',
    help: 'Join Get-NetFirewallAddressFilter into the export.',
  },
  'netsh/profiles-missing': {
    title: 'The Windows firewall profile state is not shown',
    description: 'The capture holds rules but not the state of the Domain, Private and Public profiles. Every profile was judged ON with BlockInbound,AllowOutbound, the Windows default.',
    help: 'Capture netsh advfirewall show allprofiles into the same file as the rules.',
  },
  'netsh/profile-incomplete': {
    title: 'A Windows firewall profile is incomplete',
    description: 'A profile section lacks its State or Firewall Policy line; the Windows default was assumed for what is missing (ON, BlockInbound,AllowOutbound).',
    help: 'Capture netsh advfirewall show allprofiles again, in full.',
  },
  'netsh/unreadable-line': {
    title: 'A line of a Windows firewall rule could not be read',
    description: "A line inside a rule block is not a 'Label: value' line. It was ignored; the rule was judged from its other lines.",
    help: RECAPTURE_NETSH,
  },
  'netsh/more-problems': {
    title: 'More problems in a Windows firewall capture',
    description: 'One capture had more problems than are listed one by one; this says how many more there are, of the same kind as those listed.',
    help: RECAPTURE_NETSH,
  },
  'aws/invalid-group': {
    title: 'An AWS security group could not be read',
    description: 'An item of the listing is not a security group object, or has no GroupId. It was not judged; the other groups were.',
    help: 'Export with aws ec2 describe-security-groups --output json, unedited.',
  },
  'aws/invalid-rule': {
    title: 'An AWS security group permission could not be read',
    description: 'A permission of a security group (protocol, ports or source) could not be read. It was not judged; the rest of the group was.',
    help: 'Fix the export or the security group; export with aws ec2 describe-security-groups --output json, unedited.',
  },
  'aws/error-response': {
    title: 'The AWS export is an error response',
    description: 'The file holds an AWS or AWS CLI error instead of a listing, so nothing was judged.',
    help: 'Fix the credentials or permissions (ec2:DescribeSecurityGroups) and export again.',
  },
  'aws/empty': {
    title: 'The AWS listing holds no security groups',
    description: 'The listing is empty, so nothing was judged.',
    help: 'Check the region and the filters of the export.',
  },
  'aws/more-pages': {
    title: 'The AWS listing is one page of several',
    description: 'The listing has a NextToken: more security groups exist than this page holds, and those were not judged.',
    help: 'Export all pages: the AWS CLI paginates itself unless --max-items or --no-paginate is given.',
  },
  'aws/prefix-list-unresolved': {
    title: 'AWS prefix lists whose entries are not shown',
    description: 'Rules refer to managed prefix lists whose entries the export does not show. Their addresses were treated as unknown and possibly public.',
    help: 'Check the prefix lists with aws ec2 get-managed-prefix-list-entries.',
  },
  'lightsail/invalid-instance': {
    title: 'An AWS Lightsail instance could not be read',
    description: 'An item of the listing is not a Lightsail instance object with a name and its networking ports. It was not judged; the other instances were.',
    help: 'Export with aws lightsail get-instances --output json, unedited.',
  },
  'lightsail/invalid-port': {
    title: 'A Lightsail firewall rule could not be read',
    description: 'A port rule of an instance (protocol, ports or addresses) could not be read. It was not judged; the rest of the instance was.',
    help: 'Fix the export or the instance firewall; export with aws lightsail get-instances --output json, unedited.',
  },
  'lightsail/empty': {
    title: 'The Lightsail listing holds no instances',
    description: 'The listing is empty, so nothing was judged.',
    help: 'Check the region of the export: Lightsail lists the instances of one region.',
  },
  'lightsail/more-pages': {
    title: 'The Lightsail listing is one page of several',
    description: 'The listing has a nextPageToken: more instances exist than this page holds, and those were not judged.',
    help: 'Export all pages: the AWS CLI paginates itself unless --no-paginate is given.',
  },
  'azure/invalid-nsg': {
    title: 'An Azure network security group could not be read',
    description: 'An item of the listing is neither a network security group (it has no securityRules), a security admin rule (by its type), an Azure Firewall nor a firewall policy rule collection group. It was not judged; the others were.',
    help: 'Export with az network nsg list --output json, unedited.',
  },
  'azure/invalid-rule': {
    title: 'An Azure security rule could not be read',
    description: 'A security rule of an NSG, a security admin rule of a rule collection, or a NAT rule of an Azure Firewall or rule collection group could not be read. It was not judged; the rest of the NSG, collection or firewall was.',
    help: 'Fix the export or the rule; export with az network nsg list --output json, unedited.',
  },
  'azure/error-response': {
    title: 'The Azure export is an error response',
    description: 'The file holds an Azure error instead of a listing, so nothing was judged.',
    help: 'Fix the login or role (Microsoft.Network/networkSecurityGroups/read) and export again.',
  },
  'azure/empty': {
    title: 'The Azure listing holds no network security groups',
    description: 'The listing is empty, so nothing was judged.',
    help: 'Check the subscription of the export.',
  },
  'azure/not-modelled': {
    title: "Azure's default security admin rules were not judged",
    description: "The listing holds security admin rules of kind Default: rules Azure Virtual Network Manager defines, which the listing names by a flag without what they match. They were not judged; the collection's other rules were.",
    help: 'Review the default rules the message names in the Azure portal, or replace them with custom admin rules.',
  },
  'azure/firewall-policy-not-listed': {
    title: "An Azure Firewall's policy is not in the listing",
    description: 'A firewall of the listing takes its rules from a firewall policy whose rule collection groups the file does not hold, so the DNAT rules there were not judged with it.',
    help: 'Export the policy with az network firewall policy rule-collection-group list and scan that file too.',
  },
  'azure/more-pages': {
    title: 'The Azure listing is one page of several',
    description: 'The page has a nextLink: more NSGs exist than this page holds, and those were not judged.',
    help: 'Scan every page, or export with az network nsg list, which follows nextLink.',
  },
  'gcp/invalid-rule': {
    title: 'A GCP firewall rule could not be read',
    description: 'A firewall rule of the listing could not be read. It was not judged; the others were.',
    help: 'Fix the export or the rule; export with gcloud compute firewall-rules list --format=json, unedited.',
  },
  'gcp/error-response': {
    title: 'The GCP export is an error response',
    description: 'The file holds a Google Cloud error instead of a listing, so nothing was judged.',
    help: 'Fix the login or role (compute.firewalls.list) and export again.',
  },
  'gcp/empty': {
    title: 'The GCP listing holds no firewall rules',
    description: 'The listing is empty, so nothing was judged.',
    help: 'Check the project of the export.',
  },
  'gcp/more-pages': {
    title: 'The GCP listing is one page of several',
    description: 'The page has a nextPageToken: more firewall rules exist than this page holds, and those were not judged.',
    help: 'Export with gcloud compute firewall-rules list --format=json, which reads every page.',
  },
  'iac/syntax': {
    title: 'Infrastructure code could not be parsed',
    description: 'A Terraform file, a Terraform plan, a CloudFormation template or an ARM template is not well formed, or breaks a rule its tool checks before deploying anything (an argument set twice in a block, a variable or local declared twice in a module, an override file without its base block). What the message names was not judged: the resources after a syntax error (for Terraform: in that file), or the value declared twice, which is judged unknown.',
    help: 'Run terraform validate, cfn-lint or the ARM template validator on the file, fix the syntax error the message points at, and scan again.',
  },
  'iac/invalid-resource': {
    title: 'A security group, NSG or firewall resource could not be judged',
    description: 'A resource of a type Parapet judges has a value that makes no sense for it (a port that is not a number, a protocol no cloud knows, a rule without direction), so the rule or resource the message names was not judged.',
    help: 'Fix the value in the infrastructure code: the provider would reject it at deployment too.',
  },
  'iac/unresolved': {
    title: 'Values of infrastructure code were judged as unknown',
    description: 'Some values could not be resolved from the code alone: a variable without a default, a data source, a module output, another resource\'s computed attribute, an !ImportValue. Parapet never guesses them safe: each rule they feed was judged as the worst they could be (any source, every port), and a finding that depends on one says so.',
    help: 'Give the values with --var-file (Terraform) or --parameter key=value (CloudFormation, ARM, Bicep), or scan the Terraform plan (terraform show -json), which holds the values Terraform resolved.',
  },
  'iac/unsupported': {
    title: 'A construct of infrastructure code was not evaluated',
    description: 'The code uses a construct Parapet does not evaluate (a function it does not know, a module from a registry, a for expression over an unknown collection). The values it produces were judged as unknown, as the worst they could be.',
    help: 'Scan the Terraform plan (terraform show -json plan.out), which holds the evaluated values, or give the value with --var-file / --parameter.',
  },
  'sweep/unlisted': {
    title: 'The targets of a cloud sweep could not all be listed',
    description: 'Listing what the identity can see (AWS regions or accounts, Azure subscriptions) failed after the SDK\'s retries, so the accounts, regions or subscriptions it would have found were not read and nothing in them was judged.',
    help: 'Check the permissions the message names (ec2:DescribeRegions, sts:AssumeRole, reading subscriptions), or name the targets with --regions, --subscriptions or --projects.',
  },
  'sweep/unreadable': {
    title: 'A target of a cloud sweep could not be read',
    description: 'An account and region, a subscription or a project could not be read after the SDK\'s retries (an error answer, throttling that did not end, a network failure). Nothing in it was judged; every other target was.',
    help: 'Check the permissions the message names (ec2:DescribeSecurityGroups, Microsoft.Network/networkSecurityGroups/read, compute.firewalls.list) and that the region or API is enabled, then sweep again.',
  },
  'sweep/refused': {
    title: 'The cloud refused the credentials of a sweep',
    description: 'The identity the sweep runs as was refused (invalid, expired or missing credentials, or a role it may not assume), so the targets it concerns were not read and nothing in them was judged.',
    help: 'Log in again (aws sso login, az login, gcloud auth application-default login), or in GitHub Actions check the OIDC login step and the role or federated credential it uses.',
  },
  'sweep/attachment-unknown': {
    title: 'What uses the groups of a cloud sweep target is unknown',
    description: 'The groups of an account and region (or the firewall rules of a project) were read and judged, but what uses them could not be listed after the SDK\'s retries (AWS DescribeNetworkInterfaces, GCP instances). Findings cannot say which instances a group exposes, and no group of the target is reported unused.',
    help: 'Grant the permission the message names (ec2:DescribeNetworkInterfaces, compute.instances.list), then sweep again.',
  },
  'sweep/not-modelled': {
    title: 'A cloud sweep target has access rules Parapet does not model',
    description: "The firewall policies that govern a GCP project's networks (hierarchical, network or regional), an Azure subscription's security admin rules (Azure Virtual Network Manager), or its Azure Firewalls and firewall policies, or an AWS account's Lightsail regions, could not be read. Parapet judges them when it can read them: what they allow no finding reports, and a network may be open where the report says nothing.",
    help: 'Review the policies the message names (gcloud compute networks get-effective-firewalls NETWORK), or grant the permissions it names (compute.networks.list, compute.networks.getEffectiveFirewalls, compute.firewallPolicies.list; Microsoft.Network/networkManagers/read and the reads of its security admin configurations; Microsoft.Network/azureFirewalls/read, Microsoft.Network/firewallPolicies/read and ruleCollectionGroups/read; lightsail:GetRegions and lightsail:GetInstances) and sweep again.',
  },
  'policy/invalid-ignore': {
    title: 'A parapet-ignore comment was refused',
    description: 'A `parapet-ignore` comment gives no reason, names no rule, or names a rule Parapet does not have. It suppresses nothing: every suppression must say why, for the auditor who reads it.',
    help: 'Write it as `# parapet-ignore RULE_ID: why it is accepted` on the line right above the finding (see `parapet rules` for the ids).',
  },
  'policy/expired-ignore': {
    title: 'A suppression has expired',
    description: 'An `ignore:` entry of .parapet.yml is past its `until` date, so the finding it suppressed is reported again and can fail the run.',
    help: 'Fix what the finding names, or review the exception and set a new `until` date.',
  },
  'policy/stale-ignore': {
    title: 'A suppression matches no finding',
    description: 'A `parapet-ignore` comment or an `ignore:` entry of .parapet.yml suppresses nothing in this scan: what it accepted was fixed or moved, or it names the wrong rule, path or resource.',
    help: 'Remove it, so that it cannot hide a finding that appears there later, or correct what it names.',
  },
  'baseline/not-compared': {
    title: 'Results of the baseline were not compared',
    description: 'Results of the --baseline lie in a file this scan could not judge (an error on it, or it is no longer read as an input), or are no more severe than the results a capped report left out. They are reported neither as absent (fixed) nor as new.',
    help: 'Fix what kept the file from being judged (the error notification on it says what) and scan again; for a capped report, use --format json.',
  },
  'fix/refused': {
    title: 'A fix was not written',
    description: 'parapet scan --fix (or parapet fix --write) did not change a configuration: the fixed configuration would not load the same way, a file is a link or changed since it was read, or two configurations share a file. Nothing of that configuration was written; its findings stand.',
    help: 'Run parapet fix FILE on that configuration to see the change and why it was refused, then make it by hand.',
  },
  'output/truncated': {
    title: 'Results were left out of the SARIF report',
    description: 'GitHub rejects a SARIF run with more than 25,000 results, and an upload larger than 10 MB gzipped, so the lowest-severity results were left out; the notification says how many, and which limit.',
    help: 'Use --format json to see every finding, or scan fewer inputs per run.',
  },
  'internal/failed': {
    title: 'Parapet failed while judging an input',
    description: "A parser or a rule failed: this is Parapet's fault, not the input's. What was judged before the failure stays judged; the rest of that file was not judged.",
    help: 'Please report it, with the message. The other files of the scan were judged as usual.',
  },
} satisfies Record<string, ProblemKind>;

export type ProblemId = keyof typeof PROBLEM_KINDS;

/** The catalogue's entry; an id missing from it (only a cast can make one) still gets a valid descriptor. */
export function problemKind(id: string): ProblemKind {
  return Object.hasOwn(PROBLEM_KINDS, id)
    ? PROBLEM_KINDS[id as ProblemId]
    : { title: `Input problem ${id}`, description: `Parapet reported the problem ${id}; the notification's message says what is wrong and what to do.`, help: "Follow the advice in the notification's message." };
}
