/** What `parapet init` writes: every setting of .parapet.yml, explained, with the defaults in effect. */
export const STARTER_CONFIG = `# Parapet's configuration: found upward from the scanned paths, up to the repository root.
# A pull request that changes this file changes the policy: protect it (CODEOWNERS) like the code it governs.

# Rules: turn one off, or give it another severity (critical, high, medium, low).
# \`parapet rules\` lists them; \`parapet explain RULE_ID\` says why each matters.
rules: {}
#  sshd/log-level: off
#  net/egress-open-to-world: high

networks:
  # The networks administrators come from: the office, the VPN endpoints, the bastion host.
  # With any set, net/admin-port-untrusted-source reports SSH or RDP reachable from a public address outside them.
  trusted: []
  #  - 203.0.113.0/24
  #  - 2001:db8:1::/48
  # Application ports that must never be reachable from public addresses (--app-ports wins over this).
  appPorts: [8081, 8084]

# Rule settings for some paths (globs relative to this file) or resources (globs over the asset id:
# a host, a security group ARN, an NSG id, a Terraform address). The last entry that matches wins.
overrides: []
#  - paths: ['legacy/**']
#    rules:
#      sshd/max-auth-tries: low
#  - resources: ['arn:aws:ec2:*:*:security-group/sg-0123456789abcdef0']
#    rules:
#      net/egress-open-to-world: off

# Accepted findings: still reported (SARIF suppressions), but they do not fail the run. A reason is required;
# \`until\` (YYYY-MM-DD) is the last day the exception holds. In a file, a comment on the line above a finding does
# the same:   # parapet-ignore net/ssh-open-to-world: why it is accepted
ignore: []
#  - rule: net/ssh-open-to-world
#    resource: aws_security_group.bastion
#    reason: The bastion is the one host SSH reaches, keys only (SEC-142)
#    until: 2027-06-30
`;
