import { quoted } from '../../../model/quote.js';
import type { KnownModule } from '../known-modules.js';
import type { RegistryModule } from './module-address.js';
import { fetchedMajor } from '../version-constraint.js';
import { azureAvmNetworkSecurityGroupModule } from './azure-avm-network-security-group.js';
import { azureNetworkSecurityGroupModule, SUBMODULES } from './azure-network-security-group.js';

/**
 * Azure's two registry modules for NSGs: the classic Azure/network-security-group (versions 3 and 4, the last; its
 * one-rule submodules too), and Azure Verified Modules' (any version: its `security_rules` have kept their shape).
 */
export function azureNetworkSecurityGroupModules({ address, submodule: written, version }: RegistryModule): { module: KnownModule } | { unsupported: string } | undefined {
  if (address === 'azure/avm-res-network-networksecuritygroup/azurerm') {
    return written === undefined ? { module: azureAvmNetworkSecurityGroupModule } : { unsupported: `it has no submodule ${quoted(written, 60)} that Parapet knows` };
  }
  if (address !== 'azure/network-security-group/azurerm') return undefined;
  const major = fetchedMajor(version, [1, 2, 3, 4]);
  if (typeof major !== 'number') return major;
  if (major < 3) return { unsupported: `Parapet knows its interface from version 3 on, not version ${major}` };
  const submodule = written === undefined ? undefined : [...SUBMODULES].find((name) => name.toLowerCase() === written.toLowerCase());
  if (written !== undefined && submodule === undefined) return { unsupported: `it has no submodule ${quoted(written, 60)} of one rule that Parapet knows` };
  return { module: azureNetworkSecurityGroupModule(major, submodule) };
}
