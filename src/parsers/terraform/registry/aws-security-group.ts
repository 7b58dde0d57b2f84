import { quoted } from '../../../model/quote.js';
import type { CallShape, KnownModule } from '../known-modules.js';
import { admittedMajors } from '../version-constraint.js';
import type { RegistryModule } from './module-address.js';
import { PRESETS } from './aws-security-group-v5-rules.js';
import { awsSecurityGroupV5 } from './aws-security-group-v5.js';
import { awsSecurityGroupV6, V6_PRESETS } from './aws-security-group-v6.js';

/** The module's major versions: before 4 its interface differed (`this_security_group_id`), and 6 rewrote it. */
const MAJORS = [1, 2, 3, 4, 5, 6];

/**
 * terraform-aws-modules/security-group, when Parapet
 * knows the interface of a version the call admits: the newest, as `terraform init` fetches — unless the call is
 * written for an older one its constraint also admits (`ingress_cidr_blocks` and a list of named rules, with no
 * version, which fetches 6 since June 2026). Then it is judged as written, and told that Terraform would now reject it.
 */
export function awsSecurityGroupModule(named: RegistryModule, call: CallShape): { module: KnownModule; note?: string } | { unsupported: string } | undefined {
  if (named.address !== 'terraform-aws-modules/security-group/aws') return undefined;
  const { submodule: preset, version: constraint } = named;
  const admitted = constraint === undefined ? [...MAJORS].reverse() : admittedMajors(constraint, MAJORS);
  if (admitted === undefined || admitted.length === 0) return { unsupported: `Parapet does not know which version ${quoted(constraint!, 60)} is` };
  const [newest] = admitted;
  const known = admitted.filter((major) => major >= 4).map((major) => ({ major, module: interfaceOf(major, preset) })).filter((each) => each.module !== undefined);
  if (known.length === 0) {
    return { unsupported: newest < 4 ? `Parapet knows its interface from version 4 on, not version ${newest}` : `version ${newest} has no preset ${quoted(preset!, 60)} that Parapet knows` };
  }
  const chosen = known.find((each) => fits(call, each.module!, each.major)) ?? known[0];
  if (chosen.major === newest) return { module: chosen.module! };
  const asked = constraint === undefined ? 'no version' : `version ${quoted(constraint, 60)}`;
  return {
    module: chosen.module!,
    note: `is written for version ${chosen.major} of terraform-aws-modules/security-group, but with ${asked} terraform init fetches version ${newest}, whose interface is not that one (Terraform would reject the call) — judged as version ${chosen.major}; pin the version the code is written for (version = "~> ${chosen.major}.0")`,
  };
}

function interfaceOf(major: number, preset: string | undefined): KnownModule | undefined {
  if (major === 6) return preset === undefined || V6_PRESETS.has(preset) ? awsSecurityGroupV6(preset) : undefined;
  return preset === undefined || PRESETS.has(preset) ? awsSecurityGroupV5(preset) : undefined;
}

/** Whether a call is written for this interface: every argument one of its variables, and its rules in its shape. */
function fits(call: CallShape, module: KnownModule, major: number): boolean {
  return [...call.arguments].every(([name, shape]) => {
    if (!module.variables?.has(name)) return false;
    if (name !== 'ingress_rules' && name !== 'egress_rules') return true;
    // Named rules are a list before version 6, and a map of rules from it.
    return shape === 'value' || shape === (major === 6 ? 'map' : 'list');
  });
}
