import type { PositionShape } from '../json/locate.js';
import type { StreamPlan } from '../json/stream.js';

/**
 * The lines Azure findings point at: each NSG and each of its security rules, each NAT rule collection of a firewall
 * or rule collection group and each of its rules (ARM nests them under `properties`).
 */
const rules: PositionShape = { items: {} };
const collections: PositionShape = { items: { members: { rules, properties: { members: { rules } } } } };
const lists = { securityRules: rules, defaultSecurityRules: rules, natRuleCollections: collections, ruleCollections: collections };
const NSG: PositionShape = { members: { ...lists, properties: { members: lists } } };

/** A bare array (az network nsg list, SDK) or `{"value": [...]}` (ARM REST page) streams its NSGs (or firewalls, groups); one NSG (az network nsg show) is the whole document. */
export const AZURE_STREAM: StreamPlan = { arrays: { '': NSG, value: NSG }, rest: NSG };
