/**
 * netsh translates both its labels and its enum values. English and German are known (German verbatim from public
 * captures, see test/corpus/windows/SOURCES.md); anything else is refused with a pointer to the
 * locale-independent PowerShell export rather than guessed by field position.
 */

export type Language = 'en' | 'de';

export type RuleField =
  | 'name' | 'description' | 'enabled' | 'direction' | 'profiles' | 'grouping' | 'localIp' | 'remoteIp' | 'protocol'
  | 'localPort' | 'remotePort' | 'edgeTraversal' | 'program' | 'service' | 'interfaceTypes' | 'security' | 'ruleSource'
  | 'action';

/** Labels with case and spaces removed ('Lokaler Port' → 'lokalerport'), as keys. */
export function labelKey(label: string): string {
  return label.replace(/\s+/g, '').toLowerCase();
}

const RULE_LABELS: Record<Language, Record<string, RuleField>> = {
  en: {
    rulename: 'name', description: 'description', enabled: 'enabled', direction: 'direction', profiles: 'profiles',
    grouping: 'grouping', localip: 'localIp', remoteip: 'remoteIp', protocol: 'protocol', localport: 'localPort',
    remoteport: 'remotePort', edgetraversal: 'edgeTraversal', program: 'program', service: 'service',
    interfacetypes: 'interfaceTypes', security: 'security', rulesource: 'ruleSource', action: 'action',
  },
  de: {
    regelname: 'name', beschreibung: 'description', aktiviert: 'enabled', richtung: 'direction', profile: 'profiles',
    gruppierung: 'grouping', lokaleip: 'localIp', remoteip: 'remoteIp', protokoll: 'protocol', lokalerport: 'localPort',
    remoteport: 'remotePort', edgeausnahme: 'edgeTraversal', programm: 'program', dienst: 'service',
    schnittstellentypen: 'interfaceTypes', sicherheit: 'security', regelquelle: 'ruleSource', aktion: 'action',
  },
};

/** The field a label names in a language, or undefined (an unknown label such as RemoteComputerGrant). */
export function ruleField(language: Language, label: string): RuleField | undefined {
  if (label.length > 40) return undefined;
  const key = labelKey(label);
  return Object.hasOwn(RULE_LABELS[language], key) ? RULE_LABELS[language][key] : undefined;
}

/** The language whose record-start label this is ('Rule Name' / 'Regelname'), if any. */
export function ruleStartLanguage(label: string): Language | undefined {
  if (label.length > 40) return undefined;
  const key = labelKey(label);
  if (key === 'rulename') return 'en';
  if (key === 'regelname') return 'de';
  return undefined;
}

/** Enum values of both languages, keyed by lower-case value. */
const VALUES: Record<string, string> = {
  yes: 'yes', no: 'no', ja: 'yes', nein: 'no', true: 'yes', false: 'no',
  in: 'inbound', out: 'outbound', eingehend: 'inbound', ausgehend: 'outbound', inbound: 'inbound', outbound: 'outbound',
  allow: 'allow', block: 'deny', bypass: 'bypass', zulassen: 'allow', blockieren: 'deny', umgehen: 'bypass',
  any: 'any', beliebig: 'any',
  domain: 'Domain', private: 'Private', public: 'Public', 'domäne': 'Domain', privat: 'Private', 'öffentlich': 'Public',
  on: 'on', off: 'off', ein: 'on', aus: 'off',
};

/** The canonical meaning of a translated enum value ('Ja' → 'yes', 'Blockieren' → 'deny'), or undefined. */
export function valueMeaning(value: string): string | undefined {
  const key = value.trim().toLowerCase();
  return Object.hasOwn(VALUES, key) ? VALUES[key] : undefined;
}

/** `No rules match the specified criteria.` and its German form: netsh found nothing to show. */
export function isNoMatchMessage(line: string): boolean {
  if (line.length > 120 || !/^\s*[NnKk]/.test(line)) return false;
  const text = line.trim().toLowerCase();
  return text.startsWith('no rules match the specified criteria') || text.startsWith('keine regeln stimmen mit den angegebenen kriterien');
}

export const PROFILE_NAMES = ['Domain', 'Private', 'Public'] as const;
