import { DEFAULT_RULE_SETTINGS, type RuleSettings } from '../engine/rule.js';

/** What --app-ports and the Action's `app-ports` input take, for the message that rejects anything else. */
export const APP_PORTS_EXPECTED = 'a comma-separated list of port numbers (1-65535)';

/**
 * The rule settings for an `--app-ports` value, or undefined when it is not a list of port numbers. Without a value
 * (or an empty one, the Action's default) the default ports, which .parapet.yml may change (see settingsUnder).
 */
export function ruleSettingsFor(appPorts: string | undefined): RuleSettings | undefined {
  if (appPorts === undefined || appPorts.trim() === '') return DEFAULT_RULE_SETTINGS;
  const ports = appPorts.split(',').map((port) => port.trim()).filter(Boolean);
  const numbers = ports.map(Number);
  if (ports.length === 0 || numbers.some((port) => !Number.isInteger(port) || port < 1 || port > 65535)) return undefined;
  return { ...DEFAULT_RULE_SETTINGS, appPorts: numbers };
}
