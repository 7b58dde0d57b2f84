/**
 * A Terraform plan by content: `terraform show -json plan.out` writes an object with `format_version` and
 * `terraform_version`, and a plan (unlike a state, whose values are under `values`) has `resource_changes` or
 * `planned_values`. Cloud exports have none of these keys.
 */
export function looksLikeTerraformPlan(_name: string, head: string): boolean {
  const start = head.trimStart();
  if (!start.startsWith('{')) return false;
  return /"format_version"\s*:\s*"/.test(head) && /"terraform_version"\s*:\s*"/.test(head) && /"(?:resource_changes|planned_values)"\s*:/.test(head);
}
