import type { AddressMatch, EvaluationSemantics, NetworkAsset, NetworkRule, NetworkScope, PortRange } from '../../src/network/model.js';

/** Small builders for real NetworkAsset values, written the way the parsers fill them. */

export function cidr(text: string): AddressMatch {
  return { kind: 'cidr', cidr: text, text };
}

export const ANY: AddressMatch = { kind: 'any', text: 'Anywhere' };

let line = 0;

export function rule(partial: Partial<NetworkRule> & Pick<NetworkRule, 'action'>): NetworkRule {
  line += 1;
  const ports: PortRange[] = partial.ports ?? [{ from: 0, to: 65535 }];
  const id = partial.id ?? `r${line}`;
  return {
    id,
    label: partial.label ?? `rule '${id}'`,
    direction: 'inbound',
    protocol: 'tcp',
    remote: [ANY],
    priority: 0,
    enabled: true,
    location: { file: 'fw.txt', line },
    ...partial,
    ports,
  };
}

export function scope(partial: Partial<NetworkScope> = {}): NetworkScope {
  return {
    name: 'default',
    enabled: true,
    defaultInbound: 'deny',
    defaultOutbound: 'allow',
    stateLocation: { file: 'fw.txt', line: 1 },
    defaultLocation: { file: 'fw.txt', line: 2 },
    ...partial,
  };
}

export function asset(semantics: EvaluationSemantics, rules: NetworkRule[], scopes: NetworkScope[] = [scope()], kind: NetworkAsset['asset']['kind'] = 'ufw'): NetworkAsset {
  return { kind: 'network', asset: { kind, id: 'host-1' }, semantics, scopes, rules, location: { file: 'fw.txt', line: 1 } };
}

export const port = (n: number): PortRange[] => [{ from: n, to: n }];
