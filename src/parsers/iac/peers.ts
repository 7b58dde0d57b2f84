import { quoted } from '../../model/quote.js';
import type { AddressMatch } from '../../network/model.js';
import { cidrAddress } from '../json/cloud-values.js';
import { Dependence, scalarsOf, UNKNOWN } from './reading.js';

/** The peers of a rule as code lists them (CIDR lists, prefix lists, groups, aliases), each unknown taken as the worst it could be. */

/** CIDRs of one field; an unknown one is the whole address family (`cidr_blocks` can at worst be 0.0.0.0/0). */
export function cidrs(value: Parameters<typeof scalarsOf>[0], world: string, dependence: Dependence, invalid: (text: string) => void): AddressMatch[] {
  const names = new Dependence();
  const items = scalarsOf(value, names);
  dependence.inherit(names.names);
  if (names.line !== undefined) dependence.line = Math.min(dependence.line ?? names.line, names.line);
  const unknownWorld = (): AddressMatch => ({ kind: 'cidr', cidr: world, text: names.names.join(', ') || world });
  if (items === UNKNOWN) return [unknownWorld()];
  const result: AddressMatch[] = [];
  for (const item of items) {
    if (item === UNKNOWN) {
      result.push(unknownWorld());
      continue;
    }
    if (item === null || item === '') continue;
    const address = cidrAddress(String(item));
    if (address) result.push(address);
    else invalid(quoted(String(item), 60));
  }
  return result;
}

/** Prefix lists and groups: an unknown one is still a prefix list or a group, named by what it depends on. */
export function named(value: Parameters<typeof scalarsOf>[0], dependence: Dependence, toAddress: (id: string) => AddressMatch): AddressMatch[] {
  const names = new Dependence();
  const items = scalarsOf(value, names);
  const unknownName = names.names.join(', ') || 'unknown';
  if (items === UNKNOWN) return [toAddress(unknownName)];
  return items.filter((item) => item !== null && item !== '').map((item) => toAddress(item === UNKNOWN ? unknownName : String(item)));
}
