import type { Rule } from '../../src/engine/rule.js';
import adminPortUntrustedSource from './admin-port-untrusted-source.js';
import allPortsOpenToWorld from './all-ports-open-to-world.js';
import appPortPublic from './app-port-public.js';
import defaultInboundAllow from './default-inbound-allow.js';
import egressOpenToWorld from './egress-open-to-world.js';
import firewallDisabled from './firewall-disabled.js';
import rdpOpenToWorld from './rdp-open-to-world.js';
import riskyPortOpenToWorld from './risky-port-open-to-world.js';
import shadowedRule from './shadowed-rule.js';
import sshOpenToWorld from './ssh-open-to-world.js';
import windowsPublicProfile from './windows-public-profile.js';

/** Every network rule, sorted by id. Each judges every firewall and cloud input through the reachability query. */
export const NET_RULES: Rule<'network'>[] = [
  adminPortUntrustedSource,
  allPortsOpenToWorld,
  appPortPublic,
  defaultInboundAllow,
  egressOpenToWorld,
  firewallDisabled,
  rdpOpenToWorld,
  riskyPortOpenToWorld,
  shadowedRule,
  sshOpenToWorld,
  windowsPublicProfile,
];
