import { quoted } from '../../../model/quote.js';
import type { KnownModule } from '../known-modules.js';
import { registrySource } from './registry-source.js';
import { admittedMajors } from '../version-constraint.js';
import { azureAvmNetworkSecurityGroupModule } from './azure-avm-network-security-group.js';
import { azureNetworkSecurityGroupModule, SUBMODULES } from './azure-network-security-group.js';

const CLASSIC = registrySource('Azure/network-security-group/azurerm');
const VERIFIED = registrySource('Azure/avm-res-network-networksecuritygroup/azurerm');

/**
 * Azure's two registry modules for NSGs: the classic Azure/network-security-group (versions 3 and 4, the last; its
 * one-rule submodules too), and Azure Verified Modules' (any version: its `security_rules` have kept their shape).
 */
export function azureNetworkSecurityGroupModules(source: string, version: string | undefined): { module: KnownModule } | { unsupported: string } | undefined {
  const verified = VERIFIED.exec(source);
  if (verified) return verified[1] === undefined ? { module: azureAvmNetworkSecurityGroupModule } : { unsupported: `it has no submodule ${quoted(verified[1], 60)} that Parapet knows` };
  const classic = CLASSIC.exec(source);
  if (!classic) return undefined;
  const major = version === undefined ? 4 : admittedMajors(version, [1, 2, 3, 4])?.[0];
  if (major === undefined) return { unsupported: `Parapet does not know which version ${quoted(version!, 60)} is` };
  if (major < 3) return { unsupported: `Parapet knows its interface from version 3 on, not version ${major}` };
  const submodule = classic[1] === undefined ? undefined : [...SUBMODULES].find((name) => name.toLowerCase() === classic[1].toLowerCase());
  if (classic[1] !== undefined && submodule === undefined) return { unsupported: `it has no submodule ${quoted(classic[1], 60)} of one rule that Parapet knows` };
  return { module: azureNetworkSecurityGroupModule(major, submodule) };
}
