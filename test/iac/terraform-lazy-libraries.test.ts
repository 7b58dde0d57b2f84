import { describe, expect, test } from 'vitest';
import { runCli } from '../support/run-cli.js';
import { flatFindings } from '../support/text-report.js';
import { tree } from './terraform-trees.js';

describe('the bundled CLI loads what some functions need only when a module names them', () => {
  test('regex(), yamldecode() and csvdecode() give their values in the bundle as in the sources', () => {
    const directory = tree({
      'main.tf': `locals {
  ssh   = yamldecode(file("ssh.yaml"))
  rdp   = csvdecode(file("rdp.csv"))[0]
  ports = regexall("[0-9]+", "8081 and 8084")
}
resource "aws_security_group" "web" {
  ingress {
    from_port   = local.ssh.port
    to_port     = local.ssh.port
    protocol    = "tcp"
    cidr_blocks = local.ssh.sources
  }
  ingress {
    from_port   = local.rdp.port
    to_port     = local.rdp.port
    protocol    = "tcp"
    cidr_blocks = [local.rdp.cidr]
  }
  ingress {
    from_port   = local.ports[0]
    to_port     = local.ports[1]
    protocol    = "tcp"
    cidr_blocks = [replace("0-0-0-0/0", "/-/", ".")]
  }
}
`,
      'ssh.yaml': 'port: 22\nsources: [0.0.0.0/0]\n',
      'rdp.csv': 'port,cidr\n3389,10.0.0.0/8\n',
    });
    const { status, stdout } = runCli(['scan', '.'], { cwd: directory });
    expect(flatFindings(stdout).split('\n').filter((line) => /^main\.tf:\d+: /.test(line) && !line.includes('egress-open-to-world'))).toEqual([
      expect.stringMatching(/^main\.tf:7: critical net\/ssh-open-to-world: SSH \(TCP 22\) on aws_security_group\.web is reachable from any IPv4 address/),
      expect.stringMatching(/^main\.tf:19: high net\/app-port-public: Application ports TCP 8081, 8084 on aws_security_group\.web are reachable/),
    ]);
    expect(stdout).not.toContain('warning');
    expect(status).toBe(1);
  });
});
