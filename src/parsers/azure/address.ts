import type { AddressMatch } from '../../network/model.js';
import { cidrAddress } from '../json/cloud-values.js';

const WORLD = new Set(['*', 'internet', 'any']);
/** Service tags whose addresses are private to the customer's network; every other tag names Microsoft public ranges. */
const PRIVATE_TAGS = new Set(['virtualnetwork', 'azureloadbalancer']);
const SERVICE_TAG = /^[A-Za-z][A-Za-z0-9]{0,63}(?:\.[A-Za-z0-9]{1,63}){0,3}$/;

/** An address prefix as Azure writes it: '*', 'Internet', a CIDR or an address, a service tag. */
export function azurePrefix(raw: unknown): AddressMatch | undefined {
  if (typeof raw !== 'string') return undefined;
  const text = raw.trim();
  if (WORLD.has(text.toLowerCase())) return { kind: 'any', text: raw };
  const cidr = cidrAddress(text);
  if (cidr) return cidr;
  if (!SERVICE_TAG.test(text)) return undefined;
  return { kind: 'symbol', name: text, public: PRIVATE_TAGS.has(text.toLowerCase()) ? 'no' : 'yes', text: raw };
}
