/**
 * An ARM template by content: a JSON object whose "$schema" is one of the deploymentTemplate schemas (resource group,
 * subscription, management group or tenant scope). A parameters file (deploymentParameters.json#) is not a template,
 * and the NSG exports Azure's own detector claims (az network nsg list, ARM REST `value` lists) carry no "$schema".
 */
const TEMPLATE_SCHEMA = /"\$schema"\s*:\s*"[^"\n]{0,200}[/]?(?:subscription|managementGroup|tenant)?deploymentTemplate\.json#?"/i;
const LEADING_COMMENTS = /^(?:\s+|\/\/[^\n]*\n|\/\*[\s\S]*?\*\/)*/;

export function looksLikeArmTemplate(_name: string, head: string): boolean {
  const start = head.replace(LEADING_COMMENTS, '');
  if (!start.startsWith('{')) return false;
  return TEMPLATE_SCHEMA.test(head);
}
