import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { renderText, textReporter } from '../../src/reporters/text.js';
import { wantsColor } from '../../src/reporters/terminal-color.js';
import { CLI } from '../support/run-cli.js';
import { flatFindings } from '../support/text-report.js';
import { hostileAwsExport, REPOSITORY, rendered, reportOf, withStatuses } from './real-report.js';

const ESCAPE = '\x1b[';

/** The CLI on a real terminal: util-linux `script` gives it a pseudo-terminal as standard output. */
function onTerminal(args: string[], env: Record<string, string>): string {
  const command = [process.execPath, CLI, ...args].map((word) => `'${word}'`).join(' ');
  const result = spawnSync('script', ['--quiet', '--return', '--command', command, '/dev/null'], {
    cwd: REPOSITORY,
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', TERM: 'xterm-256color', ...env },
  });
  if (result.error) throw new Error(`script (util-linux) is needed: ${result.error.message}`);
  return result.stdout;
}

describe('text report', () => {
  it('groups the findings under a header line per file, then problems and a summary', async () => {
    const report = await reportOf(['examples/sshd/insecure-bastion', 'examples/cloud/aws-describe-security-groups.json', 'examples/terraform/insecure-bastion']);
    const text = rendered(renderText, report);
    const headers = text.split('\n').filter((line) => line !== '' && !line.startsWith(' ') && !/^(warning|error): /.test(line)).slice(0, -1);
    const files = [...new Set(report.findings.map((finding) => finding.location.file))].sort();
    expect(headers).toEqual(files);
    expect(text).toContain(`${REPOSITORY}examples/sshd/insecure-bastion/sshd_config\n  1: medium sshd/allow-users: `);
    expect(text).toContain('\n  29: high sshd/password-authentication: PasswordAuthentication is yes in the block');
    const flat = flatFindings(text).split('\n').filter((line) => /:\d+: (critical|high|medium|low) /.test(line));
    expect(flat).toHaveLength(report.findings.length);
    expect(text).toMatch(/\n\nwarning: .*main\.tf:45: 1 value could not be resolved/);
    expect(text).toMatch(/\n\n\d+ findings \(\d+ critical, \d+ high, \d+ medium, \d+ low\) in 3 files scanned\.\n$/);
    expect(text).not.toContain(ESCAPE);
  });

  it('says which findings are suppressed and why, and which are new', async () => {
    const text = rendered(renderText, withStatuses(await reportOf(['examples/sshd/insecure-bastion'])));
    expect(text).toContain('[suppressed in the source: accepted risk: the contractors VPN ends in June]');
    expect(text).toContain('[new since the baseline]');
    expect(text).toMatch(/; 1 suppressed; \d+ new since the baseline\.\n$/);
  });

  it('colors severities, file headers and levels only when asked, and never the scanned tree’s own escapes', async () => {
    const { file, directory } = hostileAwsExport('\x1b[2J\x1b]0;owned\x07');
    const report = await reportOf([file], directory);
    const colored = rendered(textReporter({ color: true }), report);
    expect(colored).toContain(`${ESCAPE}1m${file}${ESCAPE}0m\n`);
    expect(colored).toContain(`  13: ${ESCAPE}1;31mcritical${ESCAPE}0m net/ssh-open-to-world: `);
    // The escapes are Parapet's own: the group name's are shown as text.
    expect(colored.replace(/\x1b\[[0-9;]*m/g, '')).not.toContain('\x1b');
    expect(colored.replace(/\x1b\[[0-9;]*m/g, '')).toBe(rendered(textReporter({ color: false }), report));
  });

  it('decides color as no-color.org and a terminal say', () => {
    expect(wantsColor({}, true)).toBe(true);
    expect(wantsColor({}, false)).toBe(false);
    expect(wantsColor({ NO_COLOR: '1' }, true)).toBe(false);
    expect(wantsColor({ NO_COLOR: '' }, true)).toBe(true);
    expect(wantsColor({ TERM: 'dumb' }, true)).toBe(false);
    expect(wantsColor({ FORCE_COLOR: '1' }, false)).toBe(true);
    expect(wantsColor({ FORCE_COLOR: '0' }, true)).toBe(false);
    expect(wantsColor({ FORCE_COLOR: '1', NO_COLOR: 'yes' }, false)).toBe(false);
  });

  it('is colored by the CLI on a real terminal, and not with NO_COLOR, nor into a pipe or a file', () => {
    const args = ['scan', 'examples/sshd/insecure-bastion', '--fail-on', 'none'];
    const terminal = onTerminal(args, {});
    expect(terminal).toContain(`${ESCAPE}31mhigh${ESCAPE}0m`);
    expect(terminal).toContain(`${ESCAPE}1mexamples/sshd/insecure-bastion/sshd_config${ESCAPE}0m`);
    const plain = onTerminal(args, { NO_COLOR: '1' });
    expect(plain).not.toContain(ESCAPE);
    expect(plain).toContain('examples/sshd/insecure-bastion/sshd_config\r\n  1: medium sshd/allow-users:');
    const piped = spawnSync(process.execPath, [CLI, ...args], { cwd: REPOSITORY, encoding: 'utf8', env: { ...process.env, NO_COLOR: '', FORCE_COLOR: '' } });
    expect(piped.stdout).toContain('examples/sshd/insecure-bastion/sshd_config\n');
    expect(piped.stdout).not.toContain(ESCAPE);
  });
});
