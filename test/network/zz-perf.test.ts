import { it } from 'vitest';
import { NET_RULES } from '../../rules/net/index.js';
import { DEFAULT_RULE_SETTINGS } from '../../src/engine/rule.js';
import { asset, cidr, rule, scope } from './build.js';
it('perf', () => {
  for (const n of [100, 700, 2000]) {
    const rules = Array.from({ length: n }, (_, i) => rule({ action: i % 7 === 0 ? 'deny' : 'allow', protocol: i % 2 ? 'tcp' : 'udp', direction: i % 3 ? 'inbound' : 'outbound', scopes: i % 4 ? ['Domain', 'Private'] : undefined, ports: [{ from: 1000 + i * 7, to: 1000 + i * 7 + (i % 5) }], remote: [cidr(`${(i * 37) % 223 + 1}.${i % 256}.0.0/16`)] }));
    const model = asset('block-wins', rules, ['Domain', 'Private', 'Public'].map((name) => scope({ name })), 'windows-firewall');
    const t = performance.now();
    for (const r of NET_RULES) { const t0 = performance.now(); r.check(model, DEFAULT_RULE_SETTINGS); if (n === 2000) console.log(r.id, (performance.now() - t0).toFixed(0)); }
    console.log(n, 'rules:', (performance.now() - t).toFixed(0), 'ms');
  }
});
