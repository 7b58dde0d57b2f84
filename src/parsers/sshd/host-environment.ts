import type { HostView } from '../../inputs/host-view.js';
import type { MatchEnvironment } from './match-criteria.js';
import { readFileSync } from 'node:fs';
import { SERVICE_PORTS } from './service-ports.js';

/**
 * What sshd asks the host while matching: getpwnam + getgrouplist for `Match Group`, getservbyname for port names.
 * Accounts are read from the host view's /etc/passwd and /etc/group (a scan never evaluates `Match Group`, so only
 * `parapet sshd effective -C user=…` reads them); port names come from a fixed table.
 */
export function hostEnvironment(view: HostView): MatchEnvironment {
  let users: Map<string, string> | undefined;
  let groups: { name: string; gid: string; members: string[] }[] | undefined;
  const load = () => {
    users ??= new Map(readRows(view, '/etc/passwd').filter((row) => row.length >= 4).map((row) => [row[0], row[3]]));
    groups ??= readRows(view, '/etc/group').filter((row) => row.length >= 3).map((row) => ({ name: row[0], gid: row[2], members: (row[3] ?? '').split(',').filter(Boolean) }));
  };
  return {
    groupsOf(user) {
      load();
      const primary = users!.get(user);
      if (primary === undefined) return undefined;
      const gids = [primary, ...groups!.filter((group) => group.members.includes(user)).map((group) => group.gid)];
      const names: string[] = [];
      for (const gid of new Set(gids)) {
        const group = groups!.find((candidate) => candidate.gid === gid);
        if (group) names.push(group.name);
      }
      return names;
    },
    servicePort: (name) => SERVICE_PORTS.get(name),
  };
}

function readRows(view: HostView, hostPath: string): string[][] {
  const located = view.locate(hostPath);
  if (located.kind !== 'found' || located.directory) return [];
  try {
    return readFileSync(located.path, 'utf8').split('\n').filter((line) => line && !line.startsWith('#')).map((line) => line.split(':'));
  } catch {
    return [];
  }
}
