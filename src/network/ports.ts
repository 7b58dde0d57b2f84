import type { PortRange } from './model.js';

/** Sorted, merged port ranges (adjacent ones joined), dropping ranges that are not ranges. */
export function mergePorts(ports: readonly PortRange[]): readonly PortRange[] {
  if (ports.length === 1 && isRange(ports[0])) return ports;
  const sorted = ports.filter(isRange).sort((a, b) => a.from - b.from);
  const merged: PortRange[] = [];
  for (const range of sorted) {
    const last = merged[merged.length - 1];
    if (last && range.from <= last.to + 1) last.to = Math.max(last.to, range.to);
    else merged.push({ from: range.from, to: range.to });
  }
  return merged;
}

function isRange(range: PortRange): boolean {
  return Number.isInteger(range.from) && Number.isInteger(range.to) && range.from <= range.to;
}

/** Whether merged ranges cover every port. Port 0 is not a port a service listens on: ufw's '1:65535' opens every port. */
export function mergedCoverAllPorts(merged: readonly PortRange[]): boolean {
  return merged.length === 1 && merged[0].from <= 1 && merged[0].to >= 65535;
}

export function coversAllPorts(ports: readonly PortRange[]): boolean {
  return mergedCoverAllPorts(mergePorts(ports));
}

/** Binary search over merged ranges: a rule may list thousands of ports, and checks ask about many. */
export function inPorts(merged: readonly PortRange[], port: number): boolean {
  let low = 0;
  let high = merged.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (port < merged[middle].from) high = middle - 1;
    else if (port > merged[middle].to) low = middle + 1;
    else return true;
  }
  return false;
}
