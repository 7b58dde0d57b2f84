import { readFileSync } from 'node:fs';
import type { MatchEnvironment } from './match-criteria.js';

/**
 * What sshd asks the running machine while matching: getpwnam + getgrouplist for `Match Group`, getservbyname for
 * `Match LocalPort ssh`. Like sshd, this reads the scanning machine's own /etc files, not the scanned image's.
 */
export function machineEnvironment(etc = '/etc'): MatchEnvironment {
  let users: Map<string, string> | undefined;
  let groups: { name: string; gid: string; members: string[] }[] | undefined;
  let services: Map<string, number> | undefined;
  const load = () => {
    users ??= new Map(readRows(`${etc}/passwd`).filter((row) => row.length >= 4).map((row) => [row[0], row[3]]));
    groups ??= readRows(`${etc}/group`).filter((row) => row.length >= 3).map((row) => ({ name: row[0], gid: row[2], members: (row[3] ?? '').split(',').filter(Boolean) }));
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
    servicePort(name) {
      services ??= readServices(`${etc}/services`);
      return services.get(name);
    },
  };
}

function readRows(path: string): string[][] {
  try {
    return readFileSync(path, 'utf8').split('\n').filter((line) => line && !line.startsWith('#')).map((line) => line.split(':'));
  } catch {
    return [];
  }
}

function readServices(path: string): Map<string, number> {
  const services = new Map<string, number>();
  let text = '';
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return services;
  }
  for (const line of text.split('\n')) {
    const fields = line.replace(/#.*/, '').trim().split(/[ \t]+/);
    const [port, protocol] = (fields[1] ?? '').split('/');
    if (protocol !== 'tcp' || !/^[0-9]+$/.test(port)) continue;
    for (const name of [fields[0], ...fields.slice(2)]) if (name && !services.has(name)) services.set(name, Number(port));
  }
  return services;
}
