import { ALL_PORTS, type PortRange } from '../../network/model.js';

const DIGITS = /^\d{1,5}$/;

/** True for a ufw port spec: '22', '60000:61000', '80,443,9000:9100' (ranges use a colon). */
export function isPortSpec(text: string): boolean {
  return parsePortSpec(text) !== undefined;
}

/** A ufw port spec as ranges; 'any' is all ports; undefined when it is not a valid spec. */
export function parsePortSpec(text: string): PortRange[] | undefined {
  if (text === 'any') return [ALL_PORTS];
  const ranges: PortRange[] = [];
  for (const item of text.split(',')) {
    const bounds = item.split(':');
    if (bounds.length > 2 || !bounds.every((bound) => DIGITS.test(bound))) return undefined;
    const from = Number(bounds[0]);
    const to = Number(bounds[bounds.length - 1]);
    if (from < 1 || to > 65535 || from > to) return undefined;
    ranges.push({ from, to });
  }
  return ranges;
}
