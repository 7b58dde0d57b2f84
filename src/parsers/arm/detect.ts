/**
 * An ARM template by content: a JSON object whose "$schema" is one of the deploymentTemplate schemas (resource group,
 * subscription, management group or tenant scope). The NSG exports Azure's own detector claims (az network nsg list,
 * ARM REST `value` lists) carry no "$schema".
 */
const TEMPLATE_SCHEMA = /"\$schema"\s*:\s*"[^"\n]{0,200}[/]?(?:subscription|managementGroup|tenant)?deploymentTemplate\.json#?"/i;
/** A parameters file (deploymentParameters.json#): the values a template or a Bicep file is deployed with. */
const PARAMETERS_SCHEMA = /"\$schema"\s*:\s*"[^"\n]{0,200}[/]?deploymentParameters\.json#?"/i;
const LEADING_COMMENTS = /^(?:\s+|\/\/[^\n]*\n|\/\*[\s\S]*?\*\/)*/;

export function looksLikeArmTemplate(_name: string, head: string): boolean {
  return startsAsObject(head) && TEMPLATE_SCHEMA.test(head);
}

export function looksLikeArmParameters(head: string): boolean {
  return startsAsObject(head) && PARAMETERS_SCHEMA.test(head) && !TEMPLATE_SCHEMA.test(head);
}

export function looksLikeArmInput(name: string, head: string): boolean {
  return looksLikeArmTemplate(name, head) || looksLikeArmParameters(head);
}

function startsAsObject(head: string): boolean {
  return head.replace(LEADING_COMMENTS, '').startsWith('{');
}

/**
 * The files a parameters file is for, by the names Azure's tools pair them, in the order they are tried: `NAME.json`
 * then `NAME.bicep` for `NAME.parameters.json` and `NAME.parameters.ENV.json` (quickstarts, azd), `template.json` for
 * the portal's `parameters.json`. A parameters file names no template itself.
 */
export function templatesPairedWith(name: string): string[] {
  if (/^parameters\.json$/i.test(name)) return ['template.json'];
  const base = /^(.+?)\.parameters(?:\.[^.]+)?\.json$/i.exec(name)?.[1];
  return base === undefined ? [] : [`${base}.json`, `${base}.bicep`];
}

/** The parameters file a template's name pairs it with (`NAME.parameters.json`, the portal's `parameters.json`). */
export function parametersPairedWith(name: string): string | undefined {
  if (/^template\.json$/i.test(name)) return 'parameters.json';
  return /\.json$/i.test(name) && !/\.parameters\./i.test(name) ? name.replace(/\.json$/i, '.parameters.json') : undefined;
}

/** What a scan reads before the files a parameters file is for, so that it claims them. */
export function pairedTemplates(name: string, head: string): string[] {
  return looksLikeArmParameters(head) ? templatesPairedWith(name) : [];
}
