import type { Rule } from '../../src/engine/rule.js';

/** Every network rule, sorted by id. Each judges every firewall and cloud input through the reachability query. */
export const NET_RULES: Rule<'network'>[] = [];
