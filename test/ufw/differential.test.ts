import { copyFileSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { NetworkAsset } from '../../src/network/model.js';
import { reachability } from '../../src/network/reachability.js';
import { decide, type Probe } from './first-match.js';
import { loadUfwFile, hostAsset } from './load.js';
import { inBatches, oracleUnavailable, runOracle, unexpectedReplies } from './oracle.js';
import { expectedVerdict, generateRuleSet, packets, type Packet } from './random-rules.js';

/**
 * Random rule sets applied by the real ufw 0.36.2 (test/ufw/ufw-oracle.sh); every form it prints is parsed and the
 * parsed model must decide sampled packets as the test's own evaluator of the commands does. PARAPET_UFW_SEEDS=1,2,3
 * replays chosen seeds.
 */
const SEEDS = process.env.PARAPET_UFW_SEEDS?.split(',').map(Number) ?? Array.from({ length: 20 }, (_, index) => index + 1);
const PACKETS_PER_CASE = 100;
const unavailable = oracleUnavailable();
if (unavailable) console.warn(`test/ufw/differential.test.ts skipped: ${unavailable}`);

describe.skipIf(unavailable !== undefined)('Parapet reads what the real ufw applies', () => {
  const work = mkdtempSync(join(tmpdir(), 'parapet-ufw-oracle-'));
  const caseDirectory = (seed: number): string => join(work, `seed-${seed}`);

  beforeAll(async () => {
    await inBatches(SEEDS.map((seed) => () => runOracle(caseDirectory(seed), generateRuleSet(seed).commands)), 3);
  }, 180_000);

  it.each(SEEDS)('seed %i: status, verbose, numbered and user.rules decide every sampled packet as ufw does', (seed) => {
    const set = generateRuleSet(seed);
    const outdir = caseDirectory(seed);
    expect(unexpectedReplies(outdir), `ufw refused or changed a generated command:\n${set.commands.join('\n')}`).toEqual([]);

    const forms = {
      plain: loadAsset(join(outdir, 'status.txt')),
      verbose: loadAsset(join(outdir, 'status-verbose.txt')),
      numbered: loadAsset(join(outdir, 'status-numbered.txt')),
    };
    const [v4, v6] = hostImageAssets(outdir);
    const mismatches: string[] = [];
    for (const packet of packets(seed, set, PACKETS_PER_CASE)) {
      const probe = toProbe(packet);
      const truth = expectedVerdict(set, packet);
      const shownRulesOnly = expectedVerdict(set, packet, true);
      const verdicts: [string, string, string][] = [
        ['verbose', decide(forms.verbose, probe), truth],
        ['user.rules', decide(packet.family === 'v4' ? v4 : v6, probe), truth],
        ['verbose through src/network/reachability.ts', reachable(forms.verbose, probe), truth],
        ['user.rules through src/network/reachability.ts', reachable(packet.family === 'v4' ? v4 : v6, probe), truth],
        // Plain and numbered do not show the default policy: Parapet assumes ufw's shipped one (and warns).
        ['plain', decide(forms.plain, probe), shownRulesOnly],
        ['numbered', decide(forms.numbered, probe), shownRulesOnly],
      ];
      for (const [form, actual, expected] of verdicts) {
        if (actual !== expected) mismatches.push(`${form}: ${JSON.stringify(packet)} → Parapet ${actual}, ufw ${expected}`);
      }
    }
    expect(mismatches, `commands:\n${set.commands.join('\n')}`).toEqual([]);
    expect(forms.verbose.scopes[0].enabled).toBe(set.enabled);
  });
});

function loadAsset(path: string): NetworkAsset {
  const result = loadUfwFile(path);
  expect(result.problems.filter((problem) => problem.level === 'error'), path).toEqual([]);
  return hostAsset(result);
}

/** user.rules and user6.rules laid out as on a host, so ufw.conf and /etc/default/ufw are read beside them. */
function hostImageAssets(outdir: string): [NetworkAsset, NetworkAsset] {
  const root = join(outdir, 'host');
  mkdirSync(join(root, 'etc', 'ufw'), { recursive: true });
  mkdirSync(join(root, 'etc', 'default'), { recursive: true });
  for (const name of ['user.rules', 'user6.rules', 'ufw.conf']) copyFileSync(join(outdir, name), join(root, 'etc', 'ufw', name));
  copyFileSync(join(outdir, 'default-ufw'), join(root, 'etc', 'default', 'ufw'));
  const v4 = loadUfwFile(join(root, 'etc', 'ufw', 'user.rules'), { root });
  const v6 = loadUfwFile(join(root, 'etc', 'ufw', 'user6.rules'), { root });
  expect([...v4.problems, ...v6.problems]).toEqual([]);
  return [hostAsset(v4), hostAsset(v6)];
}

/** The verdict of Parapet's own reachability query for the probe's remote address. */
function reachable(asset: NetworkAsset, probe: Probe): 'allow' | 'deny' {
  const [scope] = reachability(asset, { direction: probe.direction, protocol: probe.protocol, port: probe.port });
  const decision = scope.decisions.find((candidate) => candidate.remotes.has(probe.remote));
  if (!decision) throw new Error(`no decision covers ${probe.remote}`);
  return decision.action;
}

function toProbe(packet: Packet): Probe {
  return {
    direction: packet.direction === 'in' ? 'inbound' : 'outbound',
    protocol: packet.protocol,
    port: packet.port,
    remote: packet.remote,
    local: packet.family === 'v4' ? '192.0.2.10' : '2001:db8:ffff::10',
  };
}
