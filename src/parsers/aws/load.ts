import type { LoadStream } from '../../inputs/input-format.js';
import type { InputStream } from '../../inputs/input-stream.js';
import type { InputProblem } from '../../model/problem.js';
import type { NetworkAsset } from '../../network/model.js';
import { isObject } from '../json/cloud-values.js';
import { cloudErrorOf } from '../json/error-response.js';
import type { JsonPosition } from '../json/locate.js';
import { streamJson } from '../json/stream.js';
import { ec2ArnParts, type ArnParts } from './arn.js';
import { notJsonProblem } from './not-json.js';
import { PrefixLists } from './prefix-lists.js';
import { AWS_STREAM } from './shape.js';
import { SecurityGroupRules } from './security-group-rules.js';
import { securityGroupToAsset } from './security-groups.js';

const EXPORT_HINT = 'export it again with aws ec2 describe-security-groups --output json';
const ACCEPTED = 'expected {"SecurityGroups": [...]} (aws ec2 describe-security-groups, SDK v3 DescribeSecurityGroupsCommand output), {"SecurityGroupRules": [...]} (describe-security-group-rules), or an array of security groups or of such pages';

export const loadAwsSecurityGroups: LoadStream = (input) => {
  const problems: InputProblem[] = [];
  return { models: readExport(input, problems), problems };
};

/** The security groups of an export, one at a time as the file is read; rule listings are complete at the end. */
function* readExport(input: InputStream, problems: InputProblem[]): Generator<NetworkAsset> {
  const file = input.path;
  const early = notJsonProblem(file, input.head);
  if (early) {
    input.close();
    problems.push(early);
    return;
  }
  const rules = new SecurityGroupRules(file, problems);
  const prefixLists = new PrefixLists();
  // Every group of one describe call lives in one region: the first ARN tells it for groups that do not say.
  let fileArn: ArnParts | undefined;
  let judged = 0;
  let recognised = false;
  let nextToken = false;

  function group(value: unknown, position: JsonPosition | undefined, where: string): NetworkAsset | undefined {
    judged++;
    if (!isObject(value)) {
      problems.push({ id: 'aws/invalid-group', file, line: position?.line, level: 'error', message: `${where} is not a security group object — not judged; ${ACCEPTED}` });
      return undefined;
    }
    fileArn ??= ec2ArnParts(value.SecurityGroupArn);
    const asset = securityGroupToAsset(value, position, where, file, fileArn, problems);
    if (asset) prefixLists.note(asset);
    return asset;
  }

  function rule(value: unknown, position: JsonPosition | undefined, where: string): void {
    judged++;
    if (isObject(value)) fileArn ??= ec2ArnParts(value.SecurityGroupRuleArn);
    rules.add(value, position, where, fileArn);
  }

  const stream = streamJson(input, AWS_STREAM, EXPORT_HINT);
  let next = stream.next();
  for (; !next.done; next = stream.next()) {
    const { array, index, value, position } = next.value;
    if (array === 'SecurityGroupRules') rule(value, position, `SecurityGroupRules[${index}]`);
    else if (array === 'SecurityGroups') {
      const asset = group(value, position, `SecurityGroups[${index}]`);
      if (asset) yield asset;
    } else if (isObject(value) && (Object.hasOwn(value, 'SecurityGroups') || Object.hasOwn(value, 'SecurityGroupRules'))) {
      // A page in an array of pages.
      const groups = Array.isArray(value.SecurityGroups) ? value.SecurityGroups : [];
      for (let k = 0; k < groups.length; k++) {
        const asset = group(groups[k], position.member('SecurityGroups')?.item(k), `[${index}].SecurityGroups[${k}]`);
        if (asset) yield asset;
      }
      const pageRules = Array.isArray(value.SecurityGroupRules) ? value.SecurityGroupRules : [];
      pageRules.forEach((item, k) => rule(item, position.member('SecurityGroupRules')?.item(k), `[${index}].SecurityGroupRules[${k}]`));
      if (value.NextToken) nextToken = true;
    } else if (isObject(value) && Object.hasOwn(value, 'SecurityGroupRuleId')) rule(value, position, `[${index}]`);
    else {
      const asset = group(value, position, `[${index}]`);
      if (asset) yield asset;
    }
  }
  for (const asset of rules.all()) {
    prefixLists.note(asset);
    yield asset;
  }

  const end = next.value;
  if (!end.ok) {
    problems.push(end.problem);
    return;
  }
  const { value: rest, position: root } = end;
  const error = cloudErrorOf(rest);
  if (error) {
    problems.push({ id: 'aws/error-response', file, line: 1, level: 'error', message: `the file is an AWS error response, not a listing (${error}) — fix the credentials or permissions (ec2:DescribeSecurityGroups) and export again` });
    return;
  }
  if (Array.isArray(rest)) recognised = true;
  else if (isObject(rest)) {
    recognised = Array.isArray(rest.SecurityGroups) || Array.isArray(rest.SecurityGroupRules);
    if (rest.NextToken) nextToken = true;
  }
  if (!recognised) {
    problems.push({ id: 'input/unrecognised', file, line: root.line, level: 'error', message: `this JSON is not an AWS security group listing — ${ACCEPTED}` });
    return;
  }
  if (judged === 0) {
    problems.push({ id: 'aws/empty', file, line: root.line, level: 'error', message: 'the listing holds no security groups — nothing was judged; check the region and filters of the export' });
  }
  const warning = prefixLists.warning(file);
  if (warning) problems.push(warning);
  if (nextToken) {
    problems.push({ id: 'aws/more-pages', file, line: root.line, level: 'warning', message: 'the listing has a NextToken: more security groups exist than this page holds — export all pages (the AWS CLI paginates unless --max-items or --no-paginate is given)' });
  }
}
