import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { reachability } from '../../src/network/reachability.js';
import { CORPUS, loadPath, loadText, onlyAsset } from './helpers.js';

/** The parsed Windows assets through the real reachability query: what a net/* rule will see. */
describe('Windows firewall assets under the reachability query', () => {
  const verbose = onlyAsset(loadPath(join(CORPUS, 'show-rule-name-all-verbose.synthetic.en.txt')));
  const publicAllowed = (port: number, scope = 'Public') => reachability(verbose, { direction: 'inbound', protocol: 'tcp', port, scope }).map((result) => result.allowed)[0];

  it('the app rule opens 8081 to the internet on Public only', () => {
    expect(publicAllowed(8081).containsWorld()).toBe(true);
    expect(publicAllowed(8081, 'Domain').isEmpty()).toBe(true);
  });

  it('RDP is allowed only from 152.14.53.0/26 and 10.10.1.2-10.10.2.22', () => {
    const allowed = publicAllowed(3389);
    expect(allowed.has('152.14.53.10')).toBe(true);
    expect(allowed.has('10.10.1.200')).toBe(true);
    expect(allowed.has('8.8.8.8')).toBe(false);
  });

  it('the Block rule for 445 wins, and the disabled LocalSubnet WinRM rule lets nothing in', () => {
    expect(publicAllowed(445).isEmpty()).toBe(true);
    expect(publicAllowed(5985).isEmpty()).toBe(true);
  });

  it('a profile that is OFF lets everything in, pointing at its State line', () => {
    const text = '\r\nPublic Profile Settings: \r\n' + '-'.repeat(70) + '\r\nState                                 OFF\r\nFirewall Policy                       BlockInbound,AllowOutbound\r\n\r\nOk.\r\n';
    const [publicScope] = reachability(onlyAsset(loadText(text, 'p.txt')), { direction: 'inbound', protocol: 'tcp', port: 22 });
    expect(publicScope.decisions.map((decision) => [decision.action, decision.decidedBy.kind, decision.location.line])).toEqual([['allow', 'firewall-off', 4]]);
  });
});
