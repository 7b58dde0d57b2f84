import { looksLikeCloudFormation } from '../cloudformation/detect.js';

/** AWS by content: a describe-security-groups / describe-security-group-rules listing, or an AWS error saved in its place. */
export function looksLikeAwsSecurityGroups(name: string, head: string): boolean {
  const start = head.trimStart();
  // A template declares groups (its ingress resources have a GroupId too) rather than listing them.
  if (looksLikeCloudFormation(name, head)) return false;
  if (start.startsWith('<')) return /<DescribeSecurityGroupsResponse[\s>]|<Response>\s*<Errors>/.test(start.slice(0, 4096));
  if (start.startsWith('An error occurred (')) return /when calling the DescribeSecurityGroup\w* operation/.test(start.slice(0, 1024));
  if (!start.startsWith('{') && !start.startsWith('[')) return false;
  if (/"(?:SecurityGroups|SecurityGroupRules)"\s*:/.test(head)) return true;
  if (/"IpPermissions(?:Egress)?"\s*:/.test(head) && /"GroupId"\s*:/.test(head)) return true;
  if (/"SecurityGroupRuleId"\s*:/.test(head)) return true;
  return /^\{\s*"(?:Error|Errors|Response)"\s*:/.test(start) && /"Code"\s*:/.test(head);
}
