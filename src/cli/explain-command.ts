import { RULES } from '../../rules/index.js';
import { renderExplanation } from '../explain/render-explanation.js';
import { RULE_EXAMPLES } from '../explain/rule-examples.js';
import { quoted } from '../model/quote.js';
import { EXIT } from './exit-status.js';

const SUGGESTED = 3;

/** `parapet explain RULE_ID`: why the rule exists, how to fix what it finds, its sources, and a bad and a good example. */
export function runExplain(ruleId: string): number {
  const rule = RULES.find((candidate) => candidate.id === ruleId);
  if (!rule) {
    const nearest = nearestIds(ruleId);
    process.stderr.write(`parapet: there is no rule ${quoted(ruleId, 80)} — did you mean ${nearest.join(', ')}? (parapet rules lists them all)\n`);
    return EXIT.error;
  }
  process.stdout.write(renderExplanation(rule, RULE_EXAMPLES[rule.id]));
  return EXIT.clean;
}

/**
 * The rule ids closest to what was typed: those that contain it, then by edit distance to the id, to its name without
 * the family, or to the start of either (a misspelt beginning of a long id: `sshd/pasword`).
 */
function nearestIds(typed: string): string[] {
  const wanted = typed.toLowerCase();
  const toStartOf = (text: string) => Math.min(...[0, 1, 2].map((extra) => editDistance(wanted, text.slice(0, wanted.length + extra))));
  const distanceTo = (id: string) => {
    if (id.includes(wanted)) return 0;
    const name = id.slice(id.indexOf('/') + 1);
    return Math.min(editDistance(wanted, id), editDistance(wanted, name), toStartOf(id), toStartOf(name));
  };
  return RULES.map((rule) => ({ id: rule.id, distance: distanceTo(rule.id) }))
    .sort((a, b) => a.distance - b.distance || (a.id < b.id ? -1 : 1))
    .slice(0, SUGGESTED)
    .map(({ id }) => id);
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    previous = current;
  }
  return previous[b.length];
}
