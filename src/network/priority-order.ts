import type { NetworkRule } from './model.js';

/**
 * Rules whose priorities decide (Azure admin rules, GCP firewall policies) in evaluation order: by priority, and on
 * equal priorities the allow first, so that a tie the input should not hold is never read as protection.
 */
export function inPriorityOrder(rules: NetworkRule[]): void {
  rules.sort((a, b) => a.priority - b.priority || Number(a.action !== 'allow') - Number(b.action !== 'allow'));
}
