import type { SourceLocation } from '../../model/location.js';
import { quoted } from '../../model/quote.js';
import { lookupKeyword, type Keyword } from './keywords.js';

/** One keyword's stored value: the words `sshd -T` prints, and the line that set it. */
export interface StoredSetting {
  items: string[];
  location: SourceLocation;
  /** An Include before that line whose files were not read: sshd would have read them first. */
  unreadIncludeBefore?: SourceLocation;
}

/** servconf.c's ServerOptions: what one pass over the configuration set, by canonical keyword. */
export type ServerOptions = Map<string, StoredSetting>;

/** How repeated lines combine, per servconf.c. */
export function combining(keyword: Keyword): 'append' | 'first-line' | 'first' | 'last' | 'none' | 'subsystem' | 'maxstartups' | 'rekeylimit' | 'principalscommand' {
  switch (keyword.kind) {
    case 'users': case 'groups': case 'acceptenv': case 'accumulate': case 'port':
      return 'append';
    case 'wordlist': case 'authenticationmethods': case 'authorizedkeysfile': case 'channeltimeout': case 'logverbose': case 'permitopen': case 'permitlisten':
      return 'first-line';
    case 'ipqos': case 'streamlocalbindmask': case 'fingerprinthash': case 'persourcemaxstartups': case 'persourcenetblocksize':
      return 'last';
    case 'subsystem': case 'maxstartups': case 'rekeylimit': case 'principalscommand':
      return keyword.kind;
    case 'deprecated': case 'unsupported': case 'ignore': case 'include': case 'match':
      return 'none';
    default:
      return 'first';
  }
}

/**
 * Appended lists (AllowUsers, AcceptEnv…) made by applySetting, by the options they were made in: only there may a
 * later line add to one in place. Copied into other options (overlay), a list is copied again before it grows.
 */
const listsOf = new WeakMap<StoredSetting, ServerOptions>();

/** Stores a parsed directive into `options` when `active`; returns the refusal sshd would print, if any. */
export function applySetting(
  options: ServerOptions,
  keyword: Keyword,
  value: { items: string[]; overwrite?: boolean },
  active: boolean,
  location: SourceLocation,
  unreadIncludeBefore?: SourceLocation,
): string | undefined {
  const current = options.get(keyword.name);
  const { items } = value;
  const store = (stored: StoredSetting) => {
    const unread = current?.unreadIncludeBefore ?? unreadIncludeBefore;
    options.set(keyword.name, unread ? { ...stored, unreadIncludeBefore: unread } : stored);
  };
  if (value.overwrite) {
    if (active) store({ items, location });
    return undefined;
  }
  switch (combining(keyword)) {
    case 'append':
      if (!active) return undefined;
      if (current && listsOf.get(current) === options) {
        // The list this map has been growing: add to it (copying it for every line cost lines², 50,000 AllowUsers: 22 s).
        for (const item of items) current.items.push(item);
        if (unreadIncludeBefore) current.unreadIncludeBefore ??= unreadIncludeBefore;
      } else {
        store({ items: [...(current?.items ?? []), ...items], location: current?.location ?? location });
        listsOf.set(options.get(keyword.name)!, options);
      }
      return undefined;
    case 'first-line':
      // servconf.c checks "any" against the options filled so far, active line or not.
      if (keyword.kind === 'authenticationmethods' && items.includes('any') && current && current.items.length > 0) {
        return `"any" must appear alone in ${keyword.name === 'authenticationmethods' ? 'AuthenticationMethods' : keyword.name}`;
      }
      if (active && !current) store({ items: keyword.name === 'setenv' ? firstOfEachName(items) : items, location });
      return undefined;
    case 'first':
      if (active && !current) store({ items, location });
      return undefined;
    case 'last':
      if (active) store({ items, location });
      return undefined;
    case 'principalscommand':
      // servconf.c tests authorized_keys_command here, not the principals command (a 9.2 quirk kept for fidelity).
      if (active && !options.has('authorizedkeyscommand')) store({ items, location });
      return undefined;
    case 'subsystem': {
      const lines = current?.items ?? [];
      // MAX_SUBSYSTEMS, checked before whether the line is active.
      if (lines.length >= 256) return 'too many subsystems defined.';
      if (!active) return undefined;
      if (lines.some((line) => line.split(' ')[0] === items[0])) return `Subsystem ${quoted(items[0])} already defined.`;
      if (items.length < 2 || items[1] === '') return 'Missing subsystem command.';
      store({ items: [...lines, items.join(' ')], location: current?.location ?? location });
      return undefined;
    }
    case 'maxstartups': {
      // sscanf writes straight into the options: every line counts, a short form keeps the earlier rate.
      const rate = items[1] === '' ? current?.items[1] ?? '' : items[1];
      store({ items: [items[0], rate, items[2]], location });
      return undefined;
    }
    case 'rekeylimit': {
      if (!active) return undefined;
      const [limit, interval] = current?.items ?? ['', ''];
      store({ items: [limit || items[0], interval || items[1]], location: current?.location ?? location });
      return undefined;
    }
    case 'none':
      return undefined;
  }
}

/** SetEnv ignores a later assignment to a name it already has. */
function firstOfEachName(assignments: string[]): string[] {
  const seen = new Set<string>();
  return assignments.filter((assignment) => {
    const name = assignment.slice(0, assignment.indexOf('='));
    if (seen.has(name)) return false;
    seen.add(name);
    return true;
  });
}

/**
 * copy_set_server_options(): what a matching Match pass set overrides the global value (lists are replaced, not
 * merged). Exactly the keywords allowed in Match are copied in 9.2; a global-only keyword inside `Match All` is not.
 */
export function overlay(global: ServerOptions, matched: ServerOptions): ServerOptions {
  const result = new Map(global);
  for (const [name, setting] of matched) {
    if (!lookupKeyword(name)?.inMatch) continue;
    if (name === 'rekeylimit') {
      const [limit, interval] = result.get(name)?.items ?? ['', ''];
      result.set(name, { items: [setting.items[0] || limit, setting.items[1] || interval], location: setting.location });
    } else if (setting.items.length > 0 || !result.has(name)) result.set(name, setting);
  }
  return result;
}
