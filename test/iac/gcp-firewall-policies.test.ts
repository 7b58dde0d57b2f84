import { describe, expect, test } from 'vitest';
import { change, planText } from './terraform-plan-support.js';
import { scanned, tree, withCorpusModule } from './terraform-trees.js';

const NETWORK_POLICY = `resource "google_compute_network_firewall_policy" "policy" {
  name = "edge"
}
`;

/** A rule of the network policy above, with the given attributes and match. */
function policyRule(name: string, body: string, match: string): string {
  return `resource "google_compute_network_firewall_policy_rule" "${name}" {
  firewall_policy = google_compute_network_firewall_policy.policy.name
  direction       = "INGRESS"
${body}
  match {
${match}
  }
}
`;
}

const SSH = '    layer4_configs {\n      ip_protocol = "tcp"\n      ports       = ["22"]\n    }\n';
const ASSET = 'google_compute_network_firewall_policy.policy';

describe('GCP firewall policies (Terraform)', () => {
  test('an allow opens traffic on its own, before the network\'s firewall rules; goto_next hands it on and opens nothing', async () => {
    const allow = policyRule('ssh', '  action   = "allow"\n  priority = 1000', `    src_ip_ranges = ["0.0.0.0/0"]\n${SSH}`);
    const next = policyRule('rdp', '  action   = "goto_next"\n  priority = 1001', '    src_ip_ranges = ["0.0.0.0/0"]\n    layer4_configs {\n      ip_protocol = "tcp"\n      ports       = ["3389"]\n    }\n');
    const { findings, problems } = await scanned(tree({ 'main.tf': NETWORK_POLICY + allow + next }));
    expect(findings).toEqual([`net/ssh-open-to-world main.tf:4 ${ASSET}`]);
    expect(problems).toEqual([]);
  });

  test('a deny at a lower priority number drops the traffic an allow after it would let in', async () => {
    const deny = policyRule('deny', '  action   = "deny"\n  priority = 100', `    src_ip_ranges = ["0.0.0.0/0"]\n${SSH}`);
    const allow = policyRule('ssh', '  action   = "allow"\n  priority = 1000', `    src_ip_ranges = ["0.0.0.0/0", "::/0"]\n${SSH}`);
    const { findings } = await scanned(tree({ 'main.tf': NETWORK_POLICY + deny + allow }));
    // IPv6 is not denied.
    expect(findings).toEqual([`net/ssh-open-to-world main.tf:${3 + deny.split('\n').length} ${ASSET}`]);
  });

  test('a _with_rules policy: its rule blocks, with singular nested blocks and INGRESS by default', async () => {
    const policy = `resource "google_compute_firewall_policy_with_rules" "org" {
  short_name = "org-baseline"
  parent     = "organizations/123456789"

  rule {
    action   = "allow"
    priority = 100
    match {
      src_ip_ranges = ["0.0.0.0/0"]
      layer4_config {
        ip_protocol = "tcp"
        ports       = ["3389"]
      }
    }
  }

  rule {
    action   = "allow"
    priority = 200
    target_secure_tag {
      name = "tagValues/281484836404786"
    }
    match {
      src_secure_tag {
        name = "tagValues/281484836404787"
      }
      layer4_config {
        ip_protocol = "tcp"
        ports       = ["22"]
      }
    }
  }
}
`;
    const { findings, problems } = await scanned(tree({ 'main.tf': policy }));
    expect(findings).toEqual(['net/rdp-open-to-world main.tf:5 google_compute_firewall_policy_with_rules.org']);
    expect(problems).toEqual([]);
  });

  test('unknown values are the worst they could be, and a deny with an unknown match protects nothing', async () => {
    const deny = policyRule('deny', '  action   = "deny"\n  priority = 100', `    src_ip_ranges = var.blocked\n${SSH}`);
    const allow = policyRule('ssh', '  action   = var.action\n  priority = 1000', `    src_ip_ranges = ["0.0.0.0/0"]\n${SSH}`);
    const directory = tree({ 'main.tf': NETWORK_POLICY + deny + allow + 'variable "blocked" {}\nvariable "action" {}\n' });
    const { findings, problems } = await scanned(directory);
    expect(findings).toEqual([`net/ssh-open-to-world main.tf:${3 + deny.split('\n').length + 3} ${ASSET}`]);
    expect(problems).toEqual([expect.stringMatching(/^warning iac\/unresolved main\.tf:\d+ 2 values could not be resolved from the code \(`var\.action`, `var\.blocked`\)/)]);
  });

  test('a rule whose policy is declared elsewhere is judged on a policy named by the reference', async () => {
    const rule = policyRule('ssh', '  action   = "allow"\n  priority = 1000', `    src_ip_ranges = ["0.0.0.0/0"]\n${SSH}`).replace('google_compute_network_firewall_policy.policy.name', '"shared-edge"');
    const { findings } = await scanned(tree({ 'main.tf': rule }));
    expect(findings).toEqual(['net/ssh-open-to-world main.tf:1 shared-edge']);
  });

  test('an invalid action is an error at the rule, and the other rules are judged', async () => {
    const bad = policyRule('bad', '  action   = "permit"\n  priority = 10', `    src_ip_ranges = ["0.0.0.0/0"]\n${SSH}`);
    const good = policyRule('ssh', '  action   = "allow"\n  priority = 1000', `    src_ip_ranges = ["0.0.0.0/0"]\n${SSH}`);
    const { findings, problems } = await scanned(tree({ 'main.tf': NETWORK_POLICY + bad + good }));
    expect(findings).toEqual([`net/ssh-open-to-world main.tf:${3 + bad.split('\n').length} ${ASSET}`]);
    expect(problems).toEqual(["error iac/invalid-resource main.tf:4 google_compute_network_firewall_policy_rule.bad: policy rule at priority 10: action 'permit' is not allow, deny, goto_next or apply_security_profile_group"]);
  });

  test('a plan: a hierarchical policy rule as Terraform will create it', async () => {
    const rule = {
      firewall_policy: 'locations/global/firewallPolicies/123', action: 'allow', direction: 'INGRESS', priority: 1000, disabled: false,
      target_resources: null, target_service_accounts: null,
      match: [{ src_ip_ranges: ['0.0.0.0/0'], dest_ip_ranges: [], layer4_configs: [{ ip_protocol: 'tcp', ports: ['22', '3389'] }] }],
    };
    const text = planText([change('google_compute_firewall_policy_rule.admin', 'google_compute_firewall_policy_rule', rule)]);
    const { findings, problems } = await scanned(tree({ 'plan.json': text }));
    expect(findings).toEqual(['net/rdp-open-to-world plan.json:6 locations/global/firewallPolicies/123', 'net/ssh-open-to-world plan.json:6 locations/global/firewallPolicies/123']);
    expect(problems).toEqual([]);
  });
});

describe("Cloud Foundation Fabric's firewall policy module (test/corpus/iac/terraform/fabric-net-firewall-policy)", () => {
  test('called with rules of its own and with FAST\'s rule factory: each hierarchical policy judged on what it allows', async () => {
    const directory = tree({
      'main.tf': `module "org_policy" {
  source    = "./modules/net-firewall-policy"
  name      = "org-baseline"
  parent_id = "organizations/1234567890"
  ingress_rules = {
    ssh-anywhere = {
      priority = 1000
      match = {
        source_ranges  = ["0.0.0.0/0"]
        layer4_configs = [{ protocol = "tcp", ports = ["22"] }]
      }
    }
    deny-rdp = {
      priority = 900
      action   = "deny"
      match = {
        source_ranges  = ["0.0.0.0/0"]
        layer4_configs = [{ protocol = "tcp", ports = ["3389"] }]
      }
    }
    rdp-anywhere = {
      priority = 1001
      match = {
        source_ranges  = ["0.0.0.0/0"]
        layer4_configs = [{ protocol = "tcp", ports = ["3389"] }]
      }
    }
  }
}

module "fast_policy" {
  source    = "./modules/net-firewall-policy"
  name      = "fast-hierarchical"
  parent_id = "folders/1234567890"
  factories_config = {
    cidr_file_path          = "data/cidrs.yaml"
    ingress_rules_file_path = "modules/net-firewall-policy/fast-data/hierarchical-ingress-rules.yaml"
  }
}
`,
      'data/cidrs.yaml': 'healthchecks:\n  - 35.191.0.0/16\n  - 130.211.0.0/22\n',
    });
    withCorpusModule(directory, 'fabric-net-firewall-policy', 'modules/net-firewall-policy');
    const { findings, problems } = await scanned(directory);
    expect(problems).toEqual([]);
    expect(findings).toEqual([
      // SSH from anywhere; RDP from anywhere comes after a deny of it, so it never takes effect.
      'net/ssh-open-to-world modules/net-firewall-policy/hierarchical.tf:31 module.org_policy.google_compute_firewall_policy.hierarchical[0]',
      // FAST allows every protocol from the serverless VPC connector's NAT ranges: Flow's ports among them. SSH from
      // IAP's range and from the named health-check ranges is not open to the world.
      'net/app-port-public modules/net-firewall-policy/hierarchical.tf:31 module.fast_policy.google_compute_firewall_policy.hierarchical[0]',
      'net/shadowed-rule modules/net-firewall-policy/hierarchical.tf:31 module.org_policy.google_compute_firewall_policy.hierarchical[0]',
    ]);
  });
});
