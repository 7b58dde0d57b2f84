import type { Rule } from '../../src/engine/rule.js';

/** Every sshd rule, sorted by id. */
export const SSHD_RULES: Rule<'sshd'>[] = [];
