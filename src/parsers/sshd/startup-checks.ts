import { printedValues, unassemblable } from './dump.js';
import type { ServerOptions } from './options.js';
import type { ConfigIssue } from './walk.js';

/** Which option enables each authentication method (auth2.c authmethods[] of Debian's build). */
const METHOD_ENABLED_BY: Record<string, string | undefined> = {
  none: undefined,
  publickey: 'pubkeyauthentication',
  password: 'passwordauthentication',
  'keyboard-interactive': 'kbdinteractiveauthentication',
  hostbased: 'hostbasedauthentication',
  'gssapi-with-mic': 'gssapiauthentication',
  'gssapi-keyex': 'gssapikeyexchange',
};

/** What sshd.c checks on the global options after parsing, before it would start (or print -T). */
export function startupChecks(options: ServerOptions): ConfigIssue[] {
  const issues: ConfigIssue[] = unassemblable(options).map((setting) => ({ location: setting.location, message: 'the algorithm list is empty after expansion' }));
  const enabled = (keyword: string | undefined) => keyword === undefined || printedValues(keyword, options.get(keyword))?.[0] === 'yes';
  const methods = options.get('authenticationmethods');
  if (methods && methods.items.length > 0 && !(methods.items.length === 1 && methods.items[0] === 'any')) {
    const satisfiable = methods.items.some((list) => list.split(',').every((method) => enabled(METHOD_ENABLED_BY[method.split(':')[0]])));
    if (!satisfiable) issues.push({ location: methods.location, message: 'AuthenticationMethods cannot be satisfied by enabled authentication methods' });
  }
  for (const [command, user] of [['authorizedkeyscommand', 'authorizedkeyscommanduser'], ['authorizedprincipalscommand', 'authorizedprincipalscommanduser']]) {
    const set = options.get(command);
    if (set && set.items[0].toLowerCase() !== 'none' && !options.get(user)) {
      issues.push({ location: set.location, message: `${command} set without ${user}` });
    }
  }
  return issues;
}
