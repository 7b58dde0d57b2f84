import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openings, worldPart } from '../../src/network/openings.js';
import { CORPUS, forwardedAsset, hostAsset, loadUfwFile, loadUfwText } from './load.js';

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
    expect(hostAsset(result).scopes[0]).toEqual({
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
    const asset = hostAsset(loadUfwFile(join(root, 'etc', 'ufw', 'user6.rules'), { root }));
    expect(asset.scopes[0].enabled).toBe(false);
    expect(asset.rules).toHaveLength(2);
  });

  it('with IPV6=no ufw drops all IPv6 and never loads user6.rules', () => {
    const root = hostImage('oracle-full', (text) => text.replace(/^IPV6=yes$/m, 'IPV6=no'));
    const v6 = hostAsset(loadUfwFile(join(root, 'etc', 'ufw', 'user6.rules'), { root }));
    expect(v6.rules).toEqual([]);
    expect(v6.scopes[0]).toMatchObject({ defaultInbound: 'deny', defaultOutbound: 'deny', defaultLocation: { line: expect.any(Number) } });
    expect(hostAsset(loadUfwFile(join(root, 'etc', 'ufw', 'user.rules'), { root })).rules.length).toBeGreaterThan(10);
  });

  it('reads nothing above the directory of a file named on its own, and says where it looked', () => {
    const root = hostImage('oracle-ipv6-off');
    const result = loadUfwFile(join(root, 'etc', 'ufw', 'user.rules'));
    expect(result.consumed).toEqual([join(root, 'etc', 'ufw', 'ufw.conf')]);
    expect(hostAsset(result).scopes[0]).toMatchObject({ defaultInbound: 'deny', defaultOutbound: 'allow' });
    const assumed = result.problems.find((problem) => problem.id === 'ufw/default-policy-unknown');
    expect(assumed?.level).toBe('warning');
    expect(assumed?.message).toContain(`/etc/default/ufw was not found in ${join(root, 'etc', 'ufw')} (read as /etc/ufw`);
  });
});

describe('a ufw status capture in a host image', () => {
  it('with IPV6=no in etc/default/ufw loses its IPv6 rows, and IPv6 traffic is denied at that line', () => {
    const root = hostImage('oracle-full', (text) => text.replace(/^IPV6=yes$/m, 'IPV6=no'));
    copyFileSync(join(CORPUS, 'oracle-full', 'status-verbose.txt'), join(root, 'status-verbose.txt'));
    const result = loadUfwFile(join(root, 'status-verbose.txt'), { root });
    expect(result.consumed).toEqual([join(root, 'etc', 'default', 'ufw')]);
    const asset = hostAsset(result);
    const ipv6Line = readFileSync(join(root, 'etc', 'default', 'ufw'), 'utf8').split('\n').indexOf('IPV6=no') + 1;
    expect(asset.rules.slice(0, 2).map((rule) => [rule.id, rule.location.line])).toEqual([['IPV6=no inbound', ipv6Line], ['IPV6=no outbound', ipv6Line]]);
    expect(asset.rules.filter((rule) => rule.remote.some((match) => match.text.includes('(v6)')))).toEqual([]);
    const withIpv6 = hostAsset(loadUfwFile(join(CORPUS, 'oracle-full', 'status-verbose.txt')));
    expect(withIpv6.rules.length).toBeGreaterThan(asset.rules.length - 2);
  });
});

describe('ufw route rules', () => {
  const status = (routed: string) =>
    `Status: active\n\nDefault: deny (incoming), allow (outgoing), ${routed} (routed)\n\nTo                         Action      From\n--                         ------      ----\n` +
    `10.0.0.5 22/tcp            ALLOW FWD   Anywhere on eth0          \n10.0.0.6 5432/tcp          DENY FWD    Anywhere                  \n`;

  it('judge the traffic forwarded to the hosts behind, as an asset of its own with the routed policy', () => {
    const result = loadUfwText(status('deny'));
    expect(hostAsset(result).rules).toEqual([]);
    const forwarded = forwardedAsset(result)!;
    expect(forwarded.scopes).toMatchObject([{ name: 'routed', defaultInbound: 'deny', defaultLocation: { line: 3 } }]);
    expect(forwarded.rules.map((rule) => [rule.direction, rule.local?.[0]?.text, rule.appliesTo])).toEqual([['inbound', '10.0.0.5', 'on eth0'], ['inbound', '10.0.0.6', undefined]]);
    const [ssh] = openings(forwarded, 'inbound', [{ protocol: 'tcp', port: 22 }], worldPart);
    expect(ssh.location.line).toBe(7);
  });

  it('are not judged when forwarding is disabled', () => {
    expect(forwardedAsset(loadUfwText(status('disabled')))).toBeUndefined();
  });
});
