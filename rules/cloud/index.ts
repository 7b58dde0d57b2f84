import type { Rule } from '../../src/engine/rule.js';
import unusedSecurityGroup from './unused-security-group.js';

/** Every cloud rule, sorted by id: what only a cloud account shows (what uses a group), judged on the network model. */
export const CLOUD_RULES: Rule<'network'>[] = [unusedSecurityGroup];
