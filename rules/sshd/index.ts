import type { Rule } from '../../src/engine/rule.js';
import agentForwarding from './agent-forwarding.js';
import allowUsers from './allow-users.js';
import clientAlive from './client-alive.js';
import gatewayPorts from './gateway-ports.js';
import hostbasedAuthentication from './hostbased-authentication.js';
import ignoreRhosts from './ignore-rhosts.js';
import invalidConfig from './invalid-config.js';
import kbdInteractiveAuthentication from './kbd-interactive-authentication.js';
import logLevel from './log-level.js';
import loginGraceTime from './login-grace-time.js';
import maxAuthTries from './max-auth-tries.js';
import maxSessions from './max-sessions.js';
import maxStartups from './max-startups.js';
import mfa from './mfa.js';
import passwordAuthentication from './password-authentication.js';
import permitEmptyPasswords from './permit-empty-passwords.js';
import permitRootLogin from './permit-root-login.js';
import permitTunnel from './permit-tunnel.js';
import permitUserEnvironment from './permit-user-environment.js';
import pubkeyAuthentication from './pubkey-authentication.js';
import strictModes from './strict-modes.js';
import tcpForwarding from './tcp-forwarding.js';
import weakAlgorithms from './weak-algorithms.js';
import x11Forwarding from './x11-forwarding.js';

/** Every sshd rule, sorted by id. */
export const SSHD_RULES: Rule<'sshd'>[] = [
  agentForwarding,
  allowUsers,
  clientAlive,
  gatewayPorts,
  hostbasedAuthentication,
  ignoreRhosts,
  invalidConfig,
  kbdInteractiveAuthentication,
  logLevel,
  loginGraceTime,
  maxAuthTries,
  maxSessions,
  maxStartups,
  mfa,
  passwordAuthentication,
  permitEmptyPasswords,
  permitRootLogin,
  permitTunnel,
  permitUserEnvironment,
  pubkeyAuthentication,
  strictModes,
  tcpForwarding,
  weakAlgorithms,
  x11Forwarding,
];
