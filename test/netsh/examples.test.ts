import { describe, expect, it } from 'vitest';
import { reachability } from '../../src/network/reachability.js';
import { loadPath, onlyAsset } from './helpers.js';

const example = (name: string) => new URL(`../../examples/windows/${name}/netsh-advfirewall.txt`, import.meta.url).pathname;

/** Which Public-profile ports the internet (8.8.8.8 stands for it) can reach. */
function openOnPublic(name: string): string[] {
  const result = loadPath(example(name));
  expect(result.problems).toEqual([]);
  const asset = onlyAsset(result);
  return [['tcp', 3389], ['udp', 3389], ['tcp', 8081], ['tcp', 8084], ['tcp', 445], ['tcp', 22]]
    .filter(([protocol, port]) => reachability(asset, { direction: 'inbound', protocol: protocol as string, port: port as number, scope: 'Public' }).some((scope) => scope.allowed.has('8.8.8.8')))
    .map(([protocol, port]) => `${protocol}/${port}`);
}

describe('examples/windows', () => {
  it('the insecure Flow server has RDP and 8081 open to the internet on the Public profile', () => {
    expect(openOnPublic('insecure-flow-server')).toEqual(['tcp/3389', 'udp/3389', 'tcp/8081']);
  });

  it('the hardened Flow server has nothing open to the internet', () => {
    expect(openOnPublic('hardened-flow-server')).toEqual([]);
    expect(onlyAsset(loadPath(example('hardened-flow-server'))).rules).toHaveLength(8);
  });
});
