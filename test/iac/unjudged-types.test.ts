import { describe, expect, test } from 'vitest';
import { terraformPlan } from '../../src/parsers/terraform-plan/plan.js';
import { change, lineOf, planText } from './terraform-plan-support.js';
import { scanned, tree } from './terraform-trees.js';

/** A rule of the beta organization security policy (GCP's hierarchical firewall before firewall policies) that opens SSH. */
const POLICY = `resource "google_compute_organization_security_policy" "policy" {
  display_name = "policy"
  parent       = "organizations/123456789"
  type         = "FIREWALL"
}

resource "google_compute_organization_security_policy_rule" "ssh" {
  policy_id = google_compute_organization_security_policy.policy.id
  action    = "allow"
  direction = "INGRESS"
  priority  = 100
  match {
    config {
      src_ip_ranges = ["0.0.0.0/0"]
      layer4_config {
        ip_protocol = "tcp"
        ports       = ["22"]
      }
    }
  }
}
`;

describe('resources that decide access on their own but are not modelled are never a silent pass', () => {
  test('an organization security policy rule in a module is a warning at its block, once however many instances call it', async () => {
    const directory = tree({
      'main.tf': 'module "fw" {\n  source = "./policy"\n  count  = 3\n}\n',
      'policy/main.tf': POLICY,
    });
    const { findings, problems } = await scanned(directory);
    expect(findings).toEqual([]);
    expect(problems).toEqual(['warning iac/unsupported policy/main.tf:7 google_compute_organization_security_policy_rule.ssh is not judged: Parapet does not model GCP organization security policies (the beta hierarchical firewall), which allow or deny traffic on their own']);
  });

  test('in a plan, a created or kept policy rule is a warning at its change; one being deleted is not', () => {
    const rule = { action: 'allow', direction: 'INGRESS', priority: 100, match: [{ config: [{ src_ip_ranges: ['0.0.0.0/0'] }] }] };
    const text = planText([
      change('google_compute_organization_security_policy_rule.org_ssh', 'google_compute_organization_security_policy_rule', rule),
      change('google_compute_organization_security_policy_rule.gone', 'google_compute_organization_security_policy_rule', null, { actions: ['delete'] }),
    ]);
    const { resources, problems } = terraformPlan({ path: 'plan.json', text, encoding: 'utf-8' });
    expect(resources).toEqual([]);
    expect(problems.map((problem) => [problem.id, problem.level, problem.line, problem.message.split(' — ')[0]])).toEqual([
      ['iac/unsupported', 'warning', lineOf(text, '"address": "google_compute_organization_security_policy_rule.org_ssh"'), "'google_compute_organization_security_policy_rule.org_ssh' is not judged: Parapet does not model GCP organization security policies (the beta hierarchical firewall), which allow or deny traffic on their own"],
    ]);
  });
});
