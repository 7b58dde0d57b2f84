import type { LoadInput, LoadResult } from '../../inputs/input-format.js';
import type { InputProblem } from '../../model/problem.js';
import type { NetworkAsset } from '../../network/model.js';
import { arrayOf, isObject } from '../json/cloud-values.js';
import { cloudErrorOf } from '../json/error-response.js';
import type { JsonPosition } from '../json/locate.js';
import { locateSoon } from '../json/locate-soon.js';
import { parseJsonDocument } from '../json/parse.js';
import { utf8Bytes } from '../json/utf8-bytes.js';
import { ec2ArnParts, type ArnParts } from './arn.js';
import { notJsonProblem } from './not-json.js';
import { prefixListWarning } from './prefix-lists.js';
import { AWS_POSITIONS } from './shape.js';
import { securityGroupRulesToAssets } from './security-group-rules.js';
import { securityGroupToAsset } from './security-groups.js';

const EXPORT_HINT = 'export it again with aws ec2 describe-security-groups --output json';
const ACCEPTED = 'expected {"SecurityGroups": [...]} (aws ec2 describe-security-groups, SDK v3 DescribeSecurityGroupsCommand output), {"SecurityGroupRules": [...]} (describe-security-group-rules), or an array of security groups or of such pages';

interface Located {
  value: unknown;
  position: JsonPosition | undefined;
  where: string;
}

export const loadAwsSecurityGroups: LoadInput = (file) => {
  const early = notJsonProblem(file.path, file.text);
  if (early) return { models: [], problems: [early] };
  // Positions are found on another thread while JSON.parse runs here.
  const locate = locateSoon(utf8Bytes(file), AWS_POSITIONS);
  const parsed = parseJsonDocument(file.path, file.text, EXPORT_HINT);
  if (!parsed.ok) return { models: [], problems: [parsed.problem] };
  const error = cloudErrorOf(parsed.value);
  if (error) return fail(file.path, 'aws/error-response', `the file is an AWS error response, not a listing (${error}) — fix the credentials or permissions (ec2:DescribeSecurityGroups) and export again`);

  const root = locate();
  const groups: Located[] = [];
  const rulePages: { rules: unknown[]; positions: (index: number) => JsonPosition | undefined }[] = [];
  const problems: InputProblem[] = [];
  let nextToken = false;
  let recognised = false;

  const readPage = (page: Record<string, unknown>, position: JsonPosition | undefined, prefix: string): void => {
    if (page.NextToken) nextToken = true;
    if (Array.isArray(page.SecurityGroups)) {
      recognised = true;
      const items = position?.member('SecurityGroups');
      page.SecurityGroups.forEach((group, index) => groups.push({ value: group, position: items?.item(index), where: `${prefix}SecurityGroups[${index}]` }));
    }
    if (Array.isArray(page.SecurityGroupRules)) {
      recognised = true;
      rulePages.push({ rules: page.SecurityGroupRules, positions: (index) => position?.member('SecurityGroupRules')?.item(index) });
    }
  };

  const value = parsed.value;
  if (isObject(value)) readPage(value, root, '');
  else if (Array.isArray(value)) {
    recognised = true;
    const bareRules: unknown[] = [];
    const bareRulePositions: (JsonPosition | undefined)[] = [];
    value.forEach((item, index) => {
      const position = root.item(index);
      if (isObject(item) && (Object.hasOwn(item, 'SecurityGroups') || Object.hasOwn(item, 'SecurityGroupRules'))) readPage(item, position, `[${index}].`);
      else if (isObject(item) && Object.hasOwn(item, 'SecurityGroupRuleId')) {
        bareRules.push(item);
        bareRulePositions.push(position);
      } else groups.push({ value: item, position, where: `[${index}]` });
    });
    if (bareRules.length > 0) rulePages.push({ rules: bareRules, positions: (index) => bareRulePositions[index] });
  }
  if (!recognised) return fail(file.path, 'input/unrecognised', `this JSON is not an AWS security group listing — ${ACCEPTED}`, root.line);

  const fileArn = firstArn(groups, rulePages);
  const models: NetworkAsset[] = [];
  for (const { value: group, position, where } of groups) {
    if (!isObject(group)) {
      problems.push({ id: 'aws/invalid-group', file: file.path, line: position?.line, level: 'error', message: `${where} is not a security group object — not judged; ${ACCEPTED}` });
      continue;
    }
    const asset = securityGroupToAsset(group, position, where, file.path, fileArn, problems);
    if (asset) models.push(asset);
  }
  for (const page of rulePages) models.push(...securityGroupRulesToAssets(page.rules, page.positions, file.path, fileArn, problems));

  if (models.length === 0 && problems.length === 0) {
    problems.push({ id: 'aws/empty', file: file.path, line: root.line, level: 'error', message: 'the listing holds no security groups — nothing was judged; check the region and filters of the export' });
  }
  const prefixLists = prefixListWarning(file.path, models);
  if (prefixLists) problems.push(prefixLists);
  if (nextToken) {
    problems.push({ id: 'aws/more-pages', file: file.path, line: root.line, level: 'warning', message: 'the listing has a NextToken: more security groups exist than this page holds — export all pages (the AWS CLI paginates unless --max-items or --no-paginate is given)' });
  }
  return { models, problems };
};

/** The region of a single export: every group of one describe call lives in one region, so one ARN tells it. */
function firstArn(groups: Located[], rulePages: { rules: unknown[] }[]): ArnParts | undefined {
  for (const { value } of groups) {
    const parts = isObject(value) ? ec2ArnParts(value.SecurityGroupArn) : undefined;
    if (parts) return parts;
  }
  for (const page of rulePages) {
    for (const rule of arrayOf(page.rules)) {
      const parts = isObject(rule) ? ec2ArnParts(rule.SecurityGroupRuleArn) : undefined;
      if (parts) return parts;
    }
  }
  return undefined;
}

function fail(file: string, id: string, message: string, line?: number): LoadResult {
  return { models: [], problems: [{ id, file, line, level: 'error', message }] };
}
