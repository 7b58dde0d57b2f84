import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseArgsInput } from '../../src/action/args-input.js';
import { iacOptionsFor } from '../../src/cli/iac-options.js';
import { runCli } from '../support/run-cli.js';

const module = () => {
  const directory = mkdtempSync(join(tmpdir(), 'parapet-iac-options-'));
  writeFileSync(join(directory, 'main.tf'), 'variable "admin" {\n  type = string\n}\n\nresource "aws_security_group" "g" {\n  ingress {\n    from_port   = 22\n    to_port     = 22\n    protocol    = "tcp"\n    cidr_blocks = [var.admin]\n  }\n}\n');
  return directory;
};

describe('--var-file and --parameter', () => {
  it('reads key=value parameters, the value keeping any further =', () => {
    expect(iacOptionsFor(['a.tfvars'], ['Cidr=10.0.0.0/8', 'Query=a=b'])).toEqual({ varFiles: ['a.tfvars'], parameters: new Map([['Cidr', '10.0.0.0/8'], ['Query', 'a=b']]) });
    expect(iacOptionsFor([], ['=x'])).toEqual({ usageError: "--parameter takes key=value, got '=x'" });
  });

  it('are options of the Action\'s args, parsed as the CLI parses them', async () => {
    expect(await parseArgsInput('--var-file prod.tfvars --var-file eu.tfvars --parameter Env=prod')).toEqual({ type: undefined, varFile: ['prod.tfvars', 'eu.tfvars'], parameter: ['Env=prod'] });
    expect(await parseArgsInput('--type sshd')).toEqual({ type: 'sshd', varFile: undefined, parameter: undefined });
  });

  it('change the verdict of the CLI: a variable given a value is no longer unknown', () => {
    const directory = module();
    const unknown = runCli(['scan', directory]);
    expect(unknown.status).toBe(1);
    expect(unknown.stdout).toContain('may be reachable');
    const vars = join(directory, '..', `${directory.split('/').pop()}.tfvars`);
    writeFileSync(vars, 'admin = "10.8.0.0/16"\n');
    const given = runCli(['scan', directory, '--var-file', vars]);
    expect([given.status, given.stdout.trim()]).toEqual([0, 'no findings in 1 file scanned.']);
  });

  it('say what is wrong with a parameter, with exit status 2', () => {
    const run = runCli(['scan', module(), '--parameter', 'no-equals-sign']);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe("parapet: --parameter takes key=value, got 'no-equals-sign'\n");
  });

  it('report a --var-file that cannot be read, and judge the module without it', () => {
    const run = runCli(['scan', module(), '--var-file', '/nonexistent/prod.tfvars']);
    expect(run.status).toBe(2);
    expect(run.stdout).toContain('/nonexistent/prod.tfvars: no such file or directory');
    expect(run.stdout).toContain('may be reachable');
  });
});
