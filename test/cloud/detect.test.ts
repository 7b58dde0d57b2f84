import { readdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readHead } from '../../src/inputs/input-file.js';
import { looksLikeAwsSecurityGroups } from '../../src/parsers/aws/detect.js';
import { looksLikeAzureNsgs } from '../../src/parsers/azure/detect.js';
import { looksLikeGcpFirewalls } from '../../src/parsers/gcp/detect.js';
import { CORPUS } from './support.js';

const DETECTORS = { aws: looksLikeAwsSecurityGroups, azure: looksLikeAzureNsgs, gcp: looksLikeGcpFirewalls };

/** Which cloud detector must claim each capture: by its content, whatever its name. */
const EXPECTED: Record<string, keyof typeof DETECTORS | undefined> = {
  'aws/cli-describe-security-groups.derived.json': 'aws',
  'aws/cli-describe-security-group-rules.synthetic.json': 'aws',
  'aws/sdk-v3-DescribeSecurityGroupsCommand-output.json': 'aws',
  'aws/sdk-v3-paginate-all-SecurityGroups.json': 'aws',
  // Claimed so that the loader can say "XML is not read — export JSON" instead of "unknown format".
  'aws/describe-security-groups-page1.xml': 'aws',
  'aws/describe-security-groups-page2.xml': 'aws',
  'aws/cli-describe-network-interfaces.synthetic.json': undefined,
  'aws/sdk-v3-wire-requests.json': undefined,
  'azure/arm-rest-nsg-listAll-page1.json': 'azure',
  'azure/arm-rest-nsg-listAll-page2.json': 'azure',
  'azure/az-network-nsg-list.derived.json': 'azure',
  'azure/sdk-arm-network-listAll-output.json': 'azure',
  'gcp/firewalls-list-rest.json': 'gcp',
  'gcp/sdk-compute-FirewallsClient-listAsync-output.json': 'gcp',
};

function claimedBy(name: string, head: string): string[] {
  return Object.entries(DETECTORS).filter(([, detect]) => detect(name, head)).map(([cloud]) => cloud);
}

function filesUnder(directory: string): string[] {
  return readdirSync(directory).flatMap((entry) => {
    const path = join(directory, entry);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

describe('cloud format detection', () => {
  it.each(Object.entries(EXPECTED))('%s → %s', (file, cloud) => {
    const { head } = readHead(join(CORPUS, file));
    // Renamed: detection must not lean on the file name.
    expect(claimedBy('export.txt', head)).toEqual(cloud ? [cloud] : []);
  });

  it('claims no sshd, ufw, Windows, iptables, nftables or IaC capture', () => {
    const others = ['sshd', 'ufw', 'windows', 'iptables', 'nftables', 'iac'].flatMap((folder) => filesUnder(join(CORPUS, folder)));
    expect(others.length).toBeGreaterThan(20);
    for (const path of others) expect(claimedBy(basename(path), readHead(path).head), path).toEqual([]);
  });

  it('claims each cloud error response for its own loader', () => {
    expect(claimedBy('x', '{"Error": {"Code": "UnauthorizedOperation", "Message": "no"}}')).toEqual(['aws']);
    expect(claimedBy('x', '<?xml version="1.0"?>\n<Response><Errors><Error><Code>AuthFailure</Code></Error></Errors></Response>')).toEqual(['aws']);
    expect(claimedBy('x', '<?xml version="1.0"?>\n<Response><Result>fine</Result></Response>')).toEqual([]);
    expect(claimedBy('x', 'An error occurred (AuthFailure) when calling the DescribeSecurityGroups operation: no')).toEqual(['aws']);
    expect(claimedBy('x', '{"error": {"code": "AuthorizationFailed", "message": "no"}}')).toEqual(['azure']);
    expect(claimedBy('x', '{"error": {"code": 403, "message": "no", "status": "PERMISSION_DENIED"}}')).toEqual(['gcp']);
  });
});
