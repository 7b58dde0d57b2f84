import type { PositionShape } from '../json/locate.js';
import type { StreamPlan } from '../json/stream.js';

/** The lines Azure findings point at: each NSG and each of its security rules (ARM nests them under `properties`). */
const rules: PositionShape = { items: {} };
const nsgMembers = { securityRules: rules, defaultSecurityRules: rules, properties: { members: { securityRules: rules, defaultSecurityRules: rules } } };
const NSG: PositionShape = { members: nsgMembers };

/** A bare array (az network nsg list, SDK) or `{"value": [...]}` (ARM REST page) streams its NSGs; one NSG (az network nsg show) is the whole document. */
export const AZURE_STREAM: StreamPlan = { arrays: { '': NSG, value: NSG }, rest: NSG };
