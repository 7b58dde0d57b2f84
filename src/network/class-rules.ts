import type { PortRange } from './model.js';
import type { RuleFacts } from './rule-facts.js';
import { classIndex } from './traffic-classes.js';

/**
 * Which of a scope's candidate rules match each port class of one direction and protocol, found by walking each
 * rule's own port ranges rather than asking every rule about every class: 100,000 single-port rules make 200,000
 * classes, and asking would cost their product.
 */
export class ClassRules {
  /** Positions (in the candidates) of the rules for all ports: they match every class. */
  private readonly everywhere: number[] = [];
  /** Per class, the positions of the other rules that match it. */
  private readonly only: number[][];
  /** Says which rules are for all ports, in every key. */
  private readonly keyPrefix: string;

  /**
   * `candidates` in evaluation order. The classes must be those of portClasses() for their direction and protocol,
   * whose boundaries are every rule's own, so that a rule matches a class on all of its ports or on none.
   * `everywhereIds` numbers the sets of rules for all ports, alike for every ClassRules whose keys meet.
   */
  constructor(
    private readonly candidates: readonly RuleFacts[],
    private readonly classes: readonly PortRange[],
    everywhereIds: Map<string, number>,
  ) {
    this.only = classes.map(() => []);
    candidates.forEach((facts, position) => {
      if (facts.allPorts) this.everywhere.push(position);
      else for (const index of classesCovered(facts, classes)) this.only[index].push(position);
    });
    const everywhereKey = this.everywhere.map((position) => candidates[position].index).join(',');
    let id = everywhereIds.get(everywhereKey);
    if (id === undefined) everywhereIds.set(everywhereKey, (id = everywhereIds.size));
    this.keyPrefix = `e${id}:`;
  }

  /** Which rules match the class of `port`, as a key: equal keys, equal rules (never equal to keyOfMatching's). */
  keyOf(port: number): string {
    const only = this.only[classIndex(this.classes, port)];
    let key = this.keyPrefix;
    for (let at = 0; at < only.length; at++) key += `${at > 0 ? ',' : ''}${this.candidates[only[at]].index}`;
    return key;
  }

  /** The rules that match the class of `port`, in evaluation order. */
  rulesOf(port: number): RuleFacts[] {
    const only = this.only[classIndex(this.classes, port)];
    const { everywhere, candidates } = this;
    const rules: RuleFacts[] = [];
    let a = 0;
    let b = 0;
    while (a < everywhere.length || b < only.length) {
      if (b >= only.length || (a < everywhere.length && everywhere[a] < only[b])) rules.push(candidates[everywhere[a++]]);
      else rules.push(candidates[only[b++]]);
    }
    return rules;
  }
}

/** The indexes of the classes a rule's ports cover (a rule for all ports covers them all). */
export function* classesCovered(facts: RuleFacts, classes: readonly PortRange[]): Generator<number> {
  if (facts.allPorts) {
    for (let index = 0; index < classes.length; index++) yield index;
    return;
  }
  for (const range of facts.ports) {
    const from = Math.max(range.from, 0);
    const to = Math.min(range.to, 65535);
    if (from > to) continue;
    const last = classIndex(classes, to);
    for (let index = classIndex(classes, from); index <= last; index++) yield index;
  }
}
