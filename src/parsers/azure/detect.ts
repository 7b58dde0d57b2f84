import { looksLikeArmTemplate } from '../arm/detect.js';

/** Azure by content: NSGs (their ARM type or rule arrays), security admin rules, firewalls and rule collection groups (their ARM types), or an ARM error saved in their place. */
export function looksLikeAzureNsgs(name: string, head: string): boolean {
  const start = head.trimStart();
  if (!start.startsWith('{') && !start.startsWith('[')) return false;
  // A template names the NSG type too, but declares NSGs rather than listing them.
  if (looksLikeArmTemplate(name, head)) return false;
  // By the `type` of a listed resource: a document that only names the type elsewhere (a module's metadata) is none.
  if (/"type"\s*:\s*"Microsoft\.Network\/(?:networkSecurityGroups|networkManagers\/securityAdminConfigurations\/ruleCollections\/rules|azureFirewalls|firewallPolicies\/ruleCollectionGroups)"/i.test(head)) return true;
  if (/"(?:defaultSecurityRules|securityRules|natRuleCollections|ruleCollectionType)"\s*:/.test(head)) return true;
  // ARM errors carry a string code ("AuthorizationFailed"); GCP's carry a number.
  return /^\{\s*"error"\s*:\s*\{\s*"code"\s*:\s*"/.test(start);
}
