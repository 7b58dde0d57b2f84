import type { NetworkRule } from '../../network/model.js';
import { numberOf, type Scalar } from './reading.js';

/** A deny left out because its match depends on unknown values, and how it weakens the allows it may stand before. */
export interface DroppedDeny {
  /** Every allow this deny might have come before now depends on what the deny depended on. */
  weaken(rules: NetworkRule[]): void;
}

/** `order`: the position the deny would take among the asset's rule priorities (undefined: unknown, before every rule). */
export function droppedDeny(priority: unknown, direction: unknown, dependsOn: readonly string[], order: (priority: number) => number = (value) => value): DroppedDeny {
  const known = typeof priority === 'number' || typeof priority === 'string' ? numberOf(priority as Scalar) : undefined;
  const way = typeof direction === 'string' ? directionOf(direction) : undefined;
  return {
    weaken(rules) {
      for (const rule of rules) {
        if (rule.action !== 'allow' || (way && rule.direction !== way)) continue;
        if (known !== undefined && rule.priority < order(known)) continue;
        rule.dependsOn = [...new Set([...(rule.dependsOn ?? []), ...dependsOn])];
      }
    },
  };
}

function directionOf(text: string): 'inbound' | 'outbound' | undefined {
  const lower = text.toLowerCase();
  if (lower === 'inbound' || lower === 'ingress') return 'inbound';
  if (lower === 'outbound' || lower === 'egress') return 'outbound';
  return undefined;
}
