import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sshdEffective } from '../../src/cli/sshd-effective.js';
import { load, valuesOf } from './temp-tree.js';

const CORPUS = join(import.meta.dirname, '../corpus/sshd');
const SPEC = { user: 'alice', addr: '10.0.0.5', host: 'h', laddr: '10.0.0.1', lport: '22' };
const SSHD = '/usr/sbin/sshd';
const single = readdirSync(CORPUS).filter((name) => statSync(join(CORPUS, name)).isFile() && name !== 'SOURCES.md' && !name.endsWith('.j2') && !name.endsWith('-50-redhat.conf'));

/** A corpus tree (sshd_config + sshd_config.d/) copied to ROOT/etc/ssh, as a collected host image. */
function hostImage(tree: string): string {
  const root = mkdtempSync(join(tmpdir(), 'parapet-image-'));
  mkdirSync(join(root, 'etc'), { recursive: true });
  cpSync(join(CORPUS, tree), join(root, 'etc/ssh'), { recursive: true });
  return root;
}

const effective = (file: string, root?: string) => sshdEffective(file, SPEC, root);
const value = (output: { stdout: string }, keyword: string) => valuesOf(output.stdout, keyword).join(',');

describe('golden: real sshd_config captures (test/corpus/sshd)', () => {
  it('reads every capture as the oracle run in the research notes did', () => {
    const expected: Record<string, [string, string, string?]> = {
      'atmoz-sftp-docker-sshd_config': ['no', 'yes'],
      'cis-puppet-module-rhel-sshd_config': ['no', 'no'],
      'cyberpatriot-hardened-sshd_config': ['no', 'yes', 'VERBOSE'],
      'debian12-openssh-9.2p1-sshd_config': ['without-password', 'yes'],
      'fedora-coreos-sshd_config': ['without-password', 'yes'],
      'gitlab-omnibus-docker-assets-sshd_config': ['no', 'no'],
      'insecure-crack-this-container-sshd_config': ['yes', 'no', 'DEBUG'],
      'mozilla-infosec-modern-sshd_config': ['no', 'yes', 'VERBOSE'],
      'openssh-portable-9.9p2-upstream-sshd_config': ['without-password', 'yes'],
      'xtpu-debian-create-sshd-heredoc-sshd_config': ['no', 'no'],
    };
    for (const [name, [root, password, logLevel]] of Object.entries(expected)) {
      const output = effective(join(CORPUS, name));
      expect(output.exitCode, `${name}: ${output.stderr}`).toBe(0);
      expect([name, value(output, 'permitrootlogin'), value(output, 'passwordauthentication')]).toEqual([name, root, password]);
      if (logLevel) expect(value(output, 'loglevel')).toBe(logLevel);
    }
  });

  it('falls into the Ubuntu cloud-image trap: 50-cloud-init.conf wins over the main file and 60-cloudimg', () => {
    const root = hostImage('ubuntu-cloud-image');
    const output = effective('/etc/ssh/sshd_config', root);
    expect([value(output, 'passwordauthentication'), value(output, 'kbdinteractiveauthentication'), value(output, 'usepam')]).toEqual(['yes', 'no', 'yes']);
    const { model } = load(join(root, 'etc/ssh/sshd_config'), root);
    expect(model.contexts[0].get('passwordauthentication').location?.file).toBe(join(root, 'etc/ssh/sshd_config.d/50-cloud-init.conf'));
  });

  it('reads the RHEL CIS tree: X11Forwarding from 50-redhat.conf, a Match block from a drop-in, RHEL-only keywords refused', () => {
    const root = hostImage('rhel-cis2-jhernandez26');
    const { model, problems } = load(join(root, 'etc/ssh/sshd_config'), root);
    expect(model.invalid.map((issue) => issue.message)).toEqual(['Bad configuration option: KerberosUseKuserok', 'Bad configuration option: GSSAPIEnablek5users']);
    expect(problems.some((problem) => problem.id === 'sshd/include-unmatched' && problem.level === 'warning' && problem.message.includes('/etc/crypto-policies/back-ends/opensshserver.config'))).toBe(true);
    expect(model.contexts[0].get('x11forwarding')).toMatchObject({ values: ['yes'], location: { file: join(root, 'etc/ssh/sshd_config.d/50-redhat.conf') } });
    const sftp = model.contexts.find((context) => context.name === 'Match User usr_srvc_sftp')!;
    expect(['forcecommand', 'passwordauthentication', 'maxsessions'].map((keyword) => sftp.get(keyword).values[0])).toEqual(['internal-sftp', 'yes', '1']);
    expect(model.contexts[0].get('passwordauthentication').values).toEqual(['no']);
  });

  it.skipIf(!existsSync(SSHD))('agrees with the real sshd -T on every single-file capture, line for line', () => {
    const dir = mkdtempSync(join(tmpdir(), 'parapet-corpus-'));
    const key = join(dir, 'hostkey');
    mkdirSync('/run/sshd', { recursive: true });
    spawnSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', key]);
    const spec = Object.entries(SPEC).map(([field, text]) => `${field}=${text}`).join(',');
    for (const name of single) {
      const real = spawnSync(SSHD, ['-T', '-f', join(CORPUS, name), '-h', key, '-C', spec], { encoding: 'utf8' });
      const ours = effective(join(CORPUS, name));
      expect([name, ours.exitCode === 0]).toEqual([name, real.status === 0]);
      const comparable = (text: string) => text.split('\n').filter((line) => !/^(hostkey|listenaddress) /.test(line) && line !== '');
      if (real.status === 0) expect([name, comparable(ours.stdout)]).toEqual([name, comparable(real.stdout)]);
    }
  });

  it.skipIf(!existsSync(SSHD))('agrees with the real sshd -T on host images, relative Includes included (sshd run with the image bind-mounted on /etc/ssh)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'parapet-image-oracle-'));
    const key = join(dir, 'hostkey');
    spawnSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', key]);
    const synthetic = hostImage('ubuntu-cloud-image');
    writeFileSync(join(synthetic, 'etc/ssh/sshd_config'), 'Include sshd_config.d/*.conf\nMatch User alice\n  Include x11.conf\nMatch all\n');
    writeFileSync(join(synthetic, 'etc/ssh/x11.conf'), 'X11Forwarding yes\nMaxSessions 3\n');
    writeFileSync(join(synthetic, 'etc/ssh/sshd_config.d/70-match.conf'), 'Match Address 10.0.0.0/8\n  PermitRootLogin no\n');
    const images = { 'ubuntu-cloud-image': hostImage('ubuntu-cloud-image'), 'rhel-cis2-jhernandez26': hostImage('rhel-cis2-jhernandez26'), synthetic };
    const spec = Object.entries(SPEC).map(([field, text]) => `${field}=${text}`).join(',');
    for (const [name, root] of Object.entries(images)) {
      const script = `mount --bind '${root}/etc/ssh' /etc/ssh && exec ${SSHD} -T -f /etc/ssh/sshd_config -h '${key}' -C '${spec}'`;
      const real = spawnSync('unshare', ['-m', 'sh', '-c', script], { encoding: 'utf8' });
      if (real.status !== 0 && /unshare|mount/.test(real.stderr)) {
        console.warn(`host-image oracle skipped: cannot bind-mount in a private namespace here (${real.stderr.trim()})`);
        return;
      }
      const ours = effective('/etc/ssh/sshd_config', root);
      expect([name, ours.exitCode === 0]).toEqual([name, real.status === 0]);
      const comparable = (text: string) => text.split('\n').filter((line) => !/^(hostkey|listenaddress) /.test(line) && line !== '');
      if (real.status === 0) expect([name, comparable(ours.stdout)]).toEqual([name, comparable(real.stdout)]);
    }
  });
});
