import type { Rule } from '../src/engine/rule.js';
import { CLOUD_RULES } from './cloud/index.js';
import { NET_RULES } from './net/index.js';
import { SSHD_RULES } from './sshd/index.js';
import { compareText } from '../src/engine/compare-text.js';

/** Every rule Parapet has, sorted by id. Rules are listed, never registered by being imported. */
export const RULES: readonly Rule[] = [...CLOUD_RULES, ...NET_RULES, ...SSHD_RULES].sort((a, b) => compareText(a.id, b.id)) as Rule[];
