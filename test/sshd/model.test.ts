import { describe, expect, it } from 'vitest';
import { load, writeTree } from './temp-tree.js';

describe('SshdConfigModel', () => {
  const dir = writeTree({
    'etc/ssh/sshd_config': 'Include /etc/ssh/sshd_config.d/*.conf\nPasswordAuthentication no\nAllowUsers alice\nMatch User backup\n  PasswordAuthentication yes\n  Include extra.conf\n',
    'etc/ssh/sshd_config.d/50-cloud-init.conf': 'PasswordAuthentication yes\nMatch Group admins\n  AllowTcpForwarding no\n',
    'etc/ssh/extra.conf': 'X11Forwarding yes\n',
  });
  const main = `${dir}/etc/ssh/sshd_config`;
  const { model, consumed, problems } = load(main, dir);

  it('names the asset and lists every file read, resolving absolute and relative Includes under --root', () => {
    expect(model.asset).toEqual({ kind: 'sshd', id: main });
    expect(model.files).toEqual([main, `${dir}/etc/ssh/sshd_config.d/50-cloud-init.conf`, `${dir}/etc/ssh/extra.conf`]);
    expect(consumed).toEqual(model.files.slice(1));
    expect(problems).toEqual([]);
  });

  it('has the global context first, then one per Match block in reading order', () => {
    expect(model.contexts.map((context) => [context.name, context.match?.file, context.match?.line])).toEqual([
      ['global', undefined, undefined],
      ['Match Group admins', `${dir}/etc/ssh/sshd_config.d/50-cloud-init.conf`, 2],
      ['Match User backup', main, 4],
    ]);
  });

  it('points every setting at the line that decided it, and defaults at nothing', () => {
    const global = model.contexts[0];
    expect(global.get('PasswordAuthentication')).toEqual({ keyword: 'passwordauthentication', values: ['yes'], location: { file: `${dir}/etc/ssh/sshd_config.d/50-cloud-init.conf`, line: 1, column: 1 } });
    expect(global.get('challengeresponseauthentication')).toEqual({ keyword: 'kbdinteractiveauthentication', values: ['yes'], location: undefined });
    expect(global.get('allowusers').values).toEqual(['alice']);
    expect(global.get('x11forwarding').values).toEqual(['no']);
  });

  it('gives each Match context the global settings plus its own, and says which it sets itself', () => {
    const backup = model.contexts[2];
    expect(backup.get('x11forwarding')).toMatchObject({ values: ['yes'], location: { file: `${dir}/etc/ssh/extra.conf`, line: 1 } });
    expect(backup.get('passwordauthentication').location?.line).toBe(5);
    expect(backup.setsHere('X11Forwarding')).toBe(true);
    expect(backup.setsHere('allowusers')).toBe(false);
    const admins = model.contexts[1];
    expect(admins.get('allowtcpforwarding').values).toEqual(['no']);
    expect(admins.get('x11forwarding').values).toEqual(['no']);
  });
});

describe('SshdConfigModel global context', () => {
  it('is what sshd -T prints without -C: Match All blocks apply, other blocks do not', () => {
    const dir = writeTree({ sshd_config: 'PasswordAuthentication no\nMatch User alice\n  X11Forwarding yes\nMatch All\n  PasswordAuthentication yes\n' });
    const { model } = load(`${dir}/sshd_config`);
    expect(model.contexts[0].get('passwordauthentication')).toMatchObject({ values: ['yes'], location: { line: 5 } });
    expect(model.contexts[0].get('x11forwarding').values).toEqual(['no']);
    expect(model.contexts[1].get('x11forwarding').values).toEqual(['yes']);
    expect(model.contexts[1].get('passwordauthentication').values).toEqual(['yes']);
  });
});
