import type { SshdContext } from '../../src/model/sshd-config.js';

const KNOWLEDGE_METHODS = new Set(['password', 'keyboard-interactive']);

/**
 * The AuthenticationMethods lists of a context, each a list of method names without `:submethod`;
 * undefined when sshd accepts any single method ('any', the default).
 */
export function methodLists(context: SshdContext): string[][] | undefined {
  const lists = authenticationMethodLists(context);
  return lists.some((list) => list.length === 1 && list[0] === 'any') ? undefined : lists;
}

/** True when `method` alone, or with nothing but other password prompts, is enough to log in. */
export function opensWithPasswordsOnly(context: SshdContext, method: string): boolean {
  const lists = methodLists(context);
  if (lists === undefined) return true;
  return lists.some((list) => list.includes(method) && list.every((m) => KNOWLEDGE_METHODS.has(m)));
}

/** True when some way in asks for only one kind of credential. */
export function allowsSingleFactor(context: SshdContext): boolean {
  const lists = methodLists(context);
  return lists === undefined || lists.some((list) => new Set(list).size < 2);
}

function authenticationMethodLists(context: SshdContext): string[][] {
  const setting = context.get('authenticationmethods');
  const lists = setting.values.flatMap((value) => value.split(/\s+/)).filter((list) => list !== '');
  if (lists.length === 0) return [['any']];
  return lists.map((list) => list.split(',').filter((m) => m !== '').map((m) => m.split(':')[0].toLowerCase()));
}

