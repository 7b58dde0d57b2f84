import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CORPUS, loadUfwFile, onlyAsset } from './load.js';

/** A collected host image: etc/ufw/{user.rules,user6.rules,ufw.conf} and etc/default/ufw, from one oracle run. */
function hostImage(directory: string, editDefaults = (text: string) => text): string {
  const root = mkdtempSync(join(tmpdir(), 'parapet-ufw-host-'));
  mkdirSync(join(root, 'etc', 'ufw'), { recursive: true });
  mkdirSync(join(root, 'etc', 'default'), { recursive: true });
  for (const name of ['user.rules', 'user6.rules', 'ufw.conf']) copyFileSync(join(CORPUS, directory, name), join(root, 'etc', 'ufw', name));
  writeFileSync(join(root, 'etc', 'default', 'ufw'), editDefaults(readFileSync(join(CORPUS, directory, 'default-ufw'), 'utf8')));
  return root;
}

describe('user.rules in a host image reads ufw.conf and /etc/default/ufw beside it', () => {
  it('takes the state and the default policy from them, and says it read them', () => {
    // Chosen for its reject/deny defaults; despite its name IPv6 is on there (test/corpus/ufw/SOURCES.md).
    const root = hostImage('oracle-ipv6-off');
    // Found in a scan of the image's directory: its etc/ufw stands for /etc/ufw, and etc/default is inside the scan.
    const result = loadUfwFile(join(root, 'etc', 'ufw', 'user.rules'), { tree: root });
    expect(result.problems).toEqual([]);
    expect(result.consumed).toEqual([join(root, 'etc', 'ufw', 'ufw.conf'), join(root, 'etc', 'default', 'ufw')]);
    const defaults = readFileSync(join(root, 'etc', 'default', 'ufw'), 'utf8').split('\n');
    expect(onlyAsset(result).scopes[0]).toEqual({
      name: 'ufw',
      enabled: true,
      defaultInbound: 'reject',
      defaultOutbound: 'deny',
      stateLocation: { file: join(root, 'etc', 'ufw', 'ufw.conf'), line: 6 },
      defaultLocation: { file: join(root, 'etc', 'default', 'ufw'), line: defaults.indexOf('DEFAULT_INPUT_POLICY="REJECT"') + 1 },
    });
  });

  it('ENABLED=no switches the scope off although the tuples are there', () => {
    const root = hostImage('oracle-inactive');
    const asset = onlyAsset(loadUfwFile(join(root, 'etc', 'ufw', 'user6.rules'), { root }));
    expect(asset.scopes[0].enabled).toBe(false);
    expect(asset.rules).toHaveLength(2);
  });

  it('with IPV6=no ufw drops all IPv6 and never loads user6.rules', () => {
    const root = hostImage('oracle-full', (text) => text.replace(/^IPV6=yes$/m, 'IPV6=no'));
    const v6 = onlyAsset(loadUfwFile(join(root, 'etc', 'ufw', 'user6.rules'), { root }));
    expect(v6.rules).toEqual([]);
    expect(v6.scopes[0]).toMatchObject({ defaultInbound: 'deny', defaultOutbound: 'deny', defaultLocation: { line: expect.any(Number) } });
    expect(onlyAsset(loadUfwFile(join(root, 'etc', 'ufw', 'user.rules'), { root })).rules.length).toBeGreaterThan(10);
  });

  it('reads nothing above the directory of a file named on its own, and says where it looked', () => {
    const root = hostImage('oracle-ipv6-off');
    const result = loadUfwFile(join(root, 'etc', 'ufw', 'user.rules'));
    expect(result.consumed).toEqual([join(root, 'etc', 'ufw', 'ufw.conf')]);
    expect(onlyAsset(result).scopes[0]).toMatchObject({ defaultInbound: 'deny', defaultOutbound: 'allow' });
    const assumed = result.problems.find((problem) => problem.id === 'ufw/default-policy-unknown');
    expect(assumed?.level).toBe('warning');
    expect(assumed?.message).toContain(`/etc/default/ufw was not found in ${join(root, 'etc', 'ufw')} (read as /etc/ufw`);
  });
});
