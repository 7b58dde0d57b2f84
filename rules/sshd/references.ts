import type { RuleReference } from '../../src/engine/rule.js';

/** sshd_config(5), at the keyword's entry. */
export function manual(keyword: string): RuleReference {
  return { document: 'sshd_config(5)', url: `https://man.openbsd.org/sshd_config#${keyword}` };
}

/** CIS Ubuntu Linux 22.04 LTS Benchmark items: v1.0.0 numbers them 5.2.x, v2.0.0 renumbers them 5.1.x. */
export function cis(v1: string | undefined, v2: string | undefined): RuleReference[] {
  return [
    ...(v1 ? [{ framework: 'CIS Ubuntu Linux 22.04 LTS Benchmark v1.0.0', control: v1 }] : []),
    ...(v2 ? [{ framework: 'CIS Ubuntu Linux 22.04 LTS Benchmark v2.0.0', control: v2 }] : []),
  ];
}

export function devSec(control: string): RuleReference {
  return { framework: 'dev-sec ssh-baseline', control, url: 'https://github.com/dev-sec/ssh-baseline/blob/master/controls/sshd_spec.rb' };
}

export function lynis(control: string): RuleReference {
  return { framework: 'Lynis', control, url: 'https://github.com/CISOfy/lynis/blob/master/include/tests_ssh' };
}

export const MOZILLA_MODERN: RuleReference = {
  framework: 'Mozilla OpenSSH guidelines',
  control: 'Modern (OpenSSH 6.7+)',
  url: 'https://infosec.mozilla.org/guidelines/openssh',
};

export const SSH_AUDIT: RuleReference = {
  framework: 'ssh-audit',
  control: 'algorithm recommendations',
  url: 'https://github.com/jtesta/ssh-audit',
};

/** The SingleStore Flow secure-access guide, one of the policy documents (seeds) the rules cite. */
export function flowSeed(quote: string): RuleReference {
  return { seed: 'singlestore-flow-secure-access.md', quote };
}
