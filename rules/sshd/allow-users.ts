import { defineRule } from '../../src/engine/rule.js';
import { redacted } from '../../src/model/quote.js';
import { judgeEachContext, wordsOf } from './each-setting.js';
import { cis, flowSeed, lynis, manual } from './references.js';

/** Patterns that admit every account: they restrict nothing. */
const EVERYONE = new Set(['*', '*@*']);

export default defineRule({
  id: 'sshd/allow-users',
  title: 'SSH logins are not restricted to named users or groups',
  severity: 'medium',
  tags: ['security', 'ssh', 'access-control'],
  input: 'sshd',
  references: [
    flowSeed('AllowUsers your-username # Only allow a specific user'),
    flowSeed('Limit the number of users who can access the bastion host and configure role-based access for administrative functions.'),
    ...cis('5.2.4', '5.1.4'),
    lynis('SSH-7440'),
    manual('AllowUsers'),
    manual('AllowGroups'),
  ],
  rationale: [
    'Without `AllowUsers` or `AllowGroups`, every account on the host that has a shell and a credential can log in',
    'over SSH: service accounts, forgotten users, accounts created by packages. Naming who may log in keeps the',
    'attack surface to the people who need it.',
    '',
    'In a `Match` block, `AllowUsers` and `AllowGroups` replace the global lists, so a block that sets them to `*`',
    'lifts the restriction for the connections it matches.',
  ].join('\n'),
  remediation: ['Name the accounts (or a group) that may log in:', '', '```', 'AllowUsers your-username', '```', '', 'or', '', '```', 'AllowGroups ssh-users', '```'].join('\n'),
  check(model) {
    return judgeEachContext(model, { keyword: 'AllowUsers', dependsOn: ['AllowGroups'] }, (setting, context, where) => {
      const users = wordsOf(setting);
      const groups = wordsOf(context.get('allowgroups'));
      if (restricts(users) || restricts(groups)) return undefined;
      return `${describe('AllowUsers', users)} and ${describe('AllowGroups', groups)} ${where}: every account with a credential can log in over SSH.`;
    });
  },
});

function restricts(patterns: string[]): boolean {
  return patterns.length > 0 && !patterns.some((pattern) => EVERYONE.has(pattern));
}

function describe(keyword: string, patterns: string[]): string {
  return patterns.length > 0 ? `${keyword} is ${redacted(patterns.join(' '), 80)}` : `${keyword} is not set`;
}
