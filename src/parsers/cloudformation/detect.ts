/**
 * CloudFormation by name and content: a YAML, JSON or .template file whose head declares AWSTemplateFormatVersion, or
 * a top-level Resources section with an AWS:: resource type. ARM templates (lower-case `resources`, Microsoft types),
 * describe-security-groups exports (no Resources), workflows, compose files and manifests have neither.
 */
const EXTENSION = /\.(?:ya?ml|json|template)$/i;
const VERSION_KEY = /(?:^|[{,\s])["']?AWSTemplateFormatVersion["']?\s*:/;
/** YAML: a Resources key in column 0 (Serverless Framework files nest theirs under `resources:`, and are not templates). */
const YAML_RESOURCES = /^["']?Resources["']?[ \t]*:/m;
const JSON_RESOURCES = /"Resources"\s*:\s*\{/;
const AWS_TYPE = /["']?Type["']?\s*:\s*["']?AWS::[A-Za-z0-9]+::/;
const ARM_SCHEMA = /deploymentTemplate\.json#/i;

export function looksLikeCloudFormation(name: string, head: string): boolean {
  if (!EXTENSION.test(name)) return false;
  const start = head.trimStart();
  if (start.startsWith('[') || ARM_SCHEMA.test(head)) return false;
  if (VERSION_KEY.test(head)) return true;
  const resources = start.startsWith('{') ? JSON_RESOURCES : YAML_RESOURCES;
  return resources.test(head) && AWS_TYPE.test(head);
}
