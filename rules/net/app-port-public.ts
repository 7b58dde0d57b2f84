import { defineRule } from '../../src/engine/rule.js';
import { describeOpening, describeUsage } from '../../src/network/describe.js';
import { openings, publicPart, type Opening } from '../../src/network/openings.js';
import { OpeningFinding } from '../../src/network/opening-finding.js';
import type { NetworkAsset } from '../../src/network/model.js';

export default defineRule({
  id: 'net/app-port-public',
  title: "The application's ports are reachable from public addresses",
  severity: 'high',
  tags: ['network', 'flow', 'exposure'],
  references: [
    { seed: 'singlestore-flow-secure-access.md', quote: 'Do not open Flow’s port (e.g., 8081) to the public internet, even with IP restrictions.' },
    { seed: 'singlestore-flow-secure-access.md', quote: 'This option is only for internal or VPN networks.' },
  ],
  rationale:
    "Flow's HTTP ports (8081 for Ingest, 8084 for XL Ingest by default; set others with the `appPorts` setting) are " +
    'meant to be reached through a bastion host or a VPN only. Unlike SSH, even a single allowed public address is a ' +
    'finding: the guide forbids opening them to the internet "even with IP restrictions". Private, loopback, ' +
    'link-local, unique-local and carrier-grade NAT addresses are fine; a named source the input does not resolve ' +
    '(an AWS prefix list, an Azure service tag such as `AzureCloud`) is reported, because it may hold public addresses.',
  remediation:
    "Allow the application's ports only from the bastion's private address or the VPN range, e.g. with ufw:\n\n" +
    '```\nufw allow from 10.0.1.10 to any port 8081 proto tcp\n```\n\n' +
    'and reach Flow through an SSH tunnel (`ssh -L 8081:flow-server:8081 user@bastion`) or the VPN.',
  input: 'network',
  check(asset, settings) {
    const services = settings.appPorts.map((port) => ({ protocol: 'tcp', port, name: 'the application port' }));
    return openings(asset, 'inbound', services, publicPart).map((opening) => new OpeningFinding(asset, opening, message));
  },
});

function message(asset: NetworkAsset, opening: Opening): string {
  const { assetName, sources, through, isReachable } = describeOpening(asset, opening, 'inbound', opening.services.length > 1);
  const ports = opening.services.map((service) => service.port).join(', ');
  return `Application port${opening.services.length > 1 ? 's' : ''} TCP ${ports} on ${assetName} ${isReachable} from ${sources} through ${through}.${describeUsage(asset, opening.decidedBy)} Flow's ports must not be open to public addresses, even with IP restrictions: allow only the bastion host or the VPN range.`;
}
