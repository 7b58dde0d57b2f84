import type { PositionShape } from '../json/locate.js';

/** The lines Azure findings point at: each NSG and each of its security rules (ARM nests them under `properties`). */
const rules: PositionShape = { items: {} };
const nsgMembers = { securityRules: rules, defaultSecurityRules: rules, properties: { members: { securityRules: rules, defaultSecurityRules: rules } } };
const nsg: PositionShape = { members: nsgMembers };

/** `{"value": [...]}` (ARM REST page), a bare array (az network nsg list, SDK), or one NSG (az network nsg show). */
export const AZURE_POSITIONS: PositionShape = { members: { value: { items: nsg }, ...nsgMembers }, items: nsg };
