/**
 * A local EC2 and STS endpoint speaking the Query API wire format (see test/corpus/STUBS.md): form-encoded POSTs,
 * SigV4 headers whose credential scope names the access key, the region and the service, and XML answers. One server
 * answers every account and region differently, as a plan says.
 */
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readBody } from './read-body.js';

export interface RegionPlan {
  /** Pages of generated groups (nextToken chains them); 1 unless told. */
  pages?: number;
  groupsPerPage?: number;
  /** Answer the first N DescribeSecurityGroups calls with RequestLimitExceeded (HTTP 503). */
  throttleFirst?: number;
  /** Answer every DescribeSecurityGroups call with this error. */
  fail?: { status: number; code: string; message: string };
  /** Never answer DescribeSecurityGroups. */
  hang?: boolean;
  /** Send the headers and the start of a page, then nothing more. */
  stall?: boolean;
  /** Serve the captured pages test/corpus/aws/describe-security-groups-page1.xml and page2.xml. */
  corpus?: boolean;
  /** What DescribeNetworkInterfaces lists; none unless told. The options above are of DescribeSecurityGroups only. */
  interfaces?: InterfacesPlan;
  /** Answer every DescribeNetworkInterfaces call with UnauthorizedOperation (HTTP 403). */
  refuseInterfaces?: boolean;
}

export interface InterfacesPlan {
  /**
   * Group id (see generatedGroupId) → how many interfaces list it. Interfaces are numbered across the plan: odd ones
   * are attached to an instance (i-…) and even ones not, as a Lambda or endpoint interface is.
   */
  perGroup: Record<string, number>;
  /** Groups that one more interface lists all together (listed in that order, with a duplicate of the first). */
  shared?: string[];
  /** Pages the interfaces are spread over, evenly (nextToken chains them); 1 unless told. */
  pages?: number;
}

/** The id of the generated group `index` (from 0) of page `page` (from 1). */
export function generatedGroupId(page: number, index: number): string {
  return `sg-${page.toString(16).padStart(5, '0')}${index.toString(16).padStart(12, '0')}`;
}

/** The id of the plan's interface `number` (from 1). */
export function generatedInterfaceId(number: number): string {
  return `eni-${number.toString(16).padStart(17, '0')}`;
}

export interface AwsStubOptions {
  /** Access key id → the identity requests signed with it act as; other keys are refused. */
  keys: Record<string, { account: string; arn: string }>;
  /** Role ARN → the access key id of the session AssumeRole hands out; roles not listed are refused (AccessDenied). */
  roles?: Record<string, string>;
  /** What DescribeRegions lists. */
  regions?: string[];
  /** Accounts whose DescribeRegions is refused (UnauthorizedOperation). */
  regionsRefusedFor?: string[];
  /** `${account}/${region}` → how that region answers; one page of 2 groups unless told. */
  plans?: Record<string, RegionPlan>;
  /** What Lightsail's GetRegions lists (none unless told), and the accounts whose Lightsail calls are refused (AccessDeniedException). */
  lightsailRegions?: string[];
  lightsailRefusedFor?: string[];
  /** `${account}/${region}` → that region's Lightsail instances: pages of generated instances (see lightsailInstance). */
  lightsail?: Record<string, LightsailPlan>;
  /** Added to every answer, so that calls overlap. */
  delayMs?: number;
}

export interface LightsailPlan {
  pages?: number;
  instancesPerPage?: number;
  /** Answer every GetInstances call with this error. */
  fail?: { status: number; code: string; message: string };
  /** Give every page the same nextPageToken, as a broken endpoint would. */
  repeatToken?: boolean;
}

export interface SeenRequest {
  service: string;
  action: string;
  region: string;
  accessKeyId: string;
  params: Record<string, string>;
}

export interface AwsStub {
  url: string;
  requests: SeenRequest[];
  /** The most requests that were being answered at once. */
  maxInFlight: () => number;
  close: () => Promise<void>;
}

const CORPUS = (name: string) => readFileSync(new URL(`../corpus/aws/${name}`, import.meta.url), 'utf8');
const SCOPE = /Credential=([^/]+)\/\d{8}\/([^/]+)\/([^/]+)\/aws4_request/;
export const SECRET_FOR_SESSIONS = 'session-secret-for-tests';

export async function startAwsStub(options: AwsStubOptions): Promise<AwsStub> {
  const requests: SeenRequest[] = [];
  const throttled = new Map<string, number>();
  const hung: ServerResponse[] = [];
  let inFlight = 0;
  let maxInFlight = 0;

  async function answer(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const body = await readBody(request);
    const [, accessKeyId = '', region = '', service = ''] = SCOPE.exec(request.headers.authorization ?? '') ?? [];
    const target = String(request.headers['x-amz-target'] ?? '');
    const params: Record<string, string> = service === 'lightsail' ? JSON.parse(body || '{}') : Object.fromEntries(new URLSearchParams(body));
    requests.push({ service, action: service === 'lightsail' ? target.replace(/^Lightsail_20161128\./, '') : (params.Action ?? ''), region, accessKeyId, params });
    if (options.delayMs) await new Promise((resolve) => setTimeout(resolve, options.delayMs));
    const identity = options.keys[accessKeyId];
    if (service === 'lightsail') return answerLightsail(response, identity?.account, region, target, params);
    if (service === 'sts') {
      if (!identity) return send(response, 403, stsError('InvalidClientTokenId', 'The security token included in the request is invalid.'));
      if (params.Action === 'GetCallerIdentity') return send(response, 200, callerIdentityXml(identity));
      if (params.Action === 'AssumeRole') {
        const sessionKey = options.roles?.[params.RoleArn ?? ''];
        if (!sessionKey) return send(response, 403, stsError('AccessDenied', `User: ${identity.arn} is not authorized to perform: sts:AssumeRole on resource: ${params.RoleArn}`));
        return send(response, 200, assumeRoleXml(sessionKey, params.RoleArn ?? '', params.RoleSessionName ?? ''));
      }
      return send(response, 400, stsError('InvalidAction', `unknown action ${params.Action}`));
    }
    if (!identity) return send(response, 401, ec2Error('AuthFailure', 'AWS was not able to validate the provided access credentials'));
    if (params.Action === 'DescribeRegions') {
      if (options.regionsRefusedFor?.includes(identity.account)) return send(response, 403, ec2Error('UnauthorizedOperation', 'You are not authorized to perform this operation.'));
      return send(response, 200, regionsXml(options.regions ?? []));
    }
    const key = `${identity.account}/${region}`;
    const plan = options.plans?.[key] ?? {};
    if (params.Action === 'DescribeNetworkInterfaces') {
      if (plan.refuseInterfaces) return send(response, 403, ec2Error('UnauthorizedOperation', 'You are not authorized to perform this operation.'));
      return send(response, 200, interfacesXml(identity.account, plan.interfaces, params.NextToken));
    }
    if (params.Action !== 'DescribeSecurityGroups') return send(response, 400, ec2Error('InvalidAction', `unknown action ${params.Action}`));

    if (plan.hang) return void hung.push(response);
    if (plan.stall) {
      response.writeHead(200, { 'content-type': 'text/xml;charset=UTF-8' });
      response.write('<?xml version="1.0" encoding="UTF-8"?>\n<DescribeSecurityGroupsResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/"><securityGroupInfo>');
      return void hung.push(response);
    }
    if (plan.fail) return send(response, plan.fail.status, ec2Error(plan.fail.code, plan.fail.message));
    const throttles = throttled.get(key) ?? 0;
    if (throttles < (plan.throttleFirst ?? 0)) {
      throttled.set(key, throttles + 1);
      return send(response, 503, ec2Error('RequestLimitExceeded', 'Request limit exceeded.'));
    }
    if (plan.corpus) return send(response, 200, CORPUS(params.NextToken === 'page2' ? 'describe-security-groups-page2.xml' : 'describe-security-groups-page1.xml'));
    const page = params.NextToken ? Number(params.NextToken.replace('page-', '')) : 1;
    const last = plan.pages ?? 1;
    send(response, 200, groupsXml(identity.account, region, page, plan.groupsPerPage ?? 2, page < last ? `page-${page + 1}` : undefined));
  }

  /** Lightsail's JSON 1.1 protocol: the operation in X-Amz-Target, JSON in and out, errors as {"__type", "message"}. */
  function answerLightsail(response: ServerResponse, account: string | undefined, region: string, target: string, params: Record<string, string>): void {
    if (account === undefined) return sendJson(response, 400, { __type: 'UnrecognizedClientException', message: 'The security token included in the request is invalid.' });
    if (options.lightsailRefusedFor?.includes(account)) return sendJson(response, 400, { __type: 'AccessDeniedException', message: `User is not authorized to perform: ${target}` });
    if (target === 'Lightsail_20161128.GetRegions') return sendJson(response, 200, { regions: (options.lightsailRegions ?? []).map((name) => ({ name, displayName: name, continentCode: 'EU' })) });
    if (target !== 'Lightsail_20161128.GetInstances') return sendJson(response, 400, { __type: 'InvalidInputException', message: `unknown operation ${target}` });
    const plan = options.lightsail?.[`${account}/${region}`] ?? {};
    if (plan.fail) return sendJson(response, plan.fail.status, { __type: plan.fail.code, message: plan.fail.message });
    const page = params.pageToken ? Number(params.pageToken.replace('ls-page-', '')) : 1;
    const pages = plan.pages ?? 1;
    const instances = Array.from({ length: plan.instancesPerPage ?? 1 }, (_, index) => lightsailInstance(account, region, page, index));
    const next = plan.repeatToken ? 'ls-page-2' : page < pages ? `ls-page-${page + 1}` : undefined;
    sendJson(response, 200, { instances, ...(next ? { nextPageToken: next } : {}) });
  }

  const server = createServer((request, response) => {
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    response.on('close', () => inFlight--);
    answer(request, response).catch((error: Error) => send(response, 500, ec2Error('InternalError', error.message)));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    maxInFlight: () => maxInFlight,
    close: () => {
      for (const response of hung) response.destroy();
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}


function sendJson(response: ServerResponse, status: number, value: unknown): void {
  response.writeHead(status, { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-requestid': 'req-0001' });
  response.end(JSON.stringify(value));
}

/**
 * A Lightsail instance as GetInstances answers it, with Lightsail's default firewall: HTTP and SSH from anywhere, and
 * RDP on every second instance, a Windows one.
 */
export function lightsailInstance(account: string, region: string, page: number, index: number): Record<string, unknown> {
  const windows = index % 2 === 1;
  const port = (number: number) => ({ fromPort: number, toPort: number, protocol: 'tcp', accessFrom: 'Anywhere (0.0.0.0/0)', accessType: 'public', commonName: '', accessDirection: 'inbound', cidrs: ['0.0.0.0/0'], ipv6Cidrs: [], cidrListAliases: [] });
  return {
    name: `${region}-ls-p${page}-i${index}`,
    arn: `arn:aws:lightsail:${region}:${account}:Instance/00000000-0000-4000-8000-${page.toString(16).padStart(4, '0')}${index.toString(16).padStart(8, '0')}`,
    createdAt: 1764923400.5,
    location: { availabilityZone: `${region}a`, regionName: region },
    resourceType: 'Instance',
    blueprintId: windows ? 'windows_server_2022' : 'ubuntu_24_04',
    bundleId: 'nano_3_0',
    networking: { monthlyTransfer: { gbPerMonthAllocated: 1024 }, ports: [port(80), port(22), ...(windows ? [port(3389)] : [])] },
    state: { code: 16, name: 'running' },
  };
}

function send(response: ServerResponse, status: number, xml: string): void {
  response.writeHead(status, { 'content-type': 'text/xml;charset=UTF-8', 'x-amzn-requestid': 'req-0001' });
  response.end(xml);
}

const xmlText = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function ec2Error(code: string, message: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<Response><Errors><Error><Code>${xmlText(code)}</Code><Message>${xmlText(message)}</Message></Error></Errors><RequestID>req-0001</RequestID></Response>`;
}

function stsError(code: string, message: string): string {
  return `<ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><Error><Type>Sender</Type><Code>${xmlText(code)}</Code><Message>${xmlText(message)}</Message></Error><RequestId>req-0001</RequestId></ErrorResponse>`;
}

function callerIdentityXml(identity: { account: string; arn: string }): string {
  return `<GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><GetCallerIdentityResult><Arn>${xmlText(identity.arn)}</Arn><UserId>AIDAEXAMPLEUSERID0001</UserId><Account>${identity.account}</Account></GetCallerIdentityResult><ResponseMetadata><RequestId>req-0001</RequestId></ResponseMetadata></GetCallerIdentityResponse>`;
}

function assumeRoleXml(accessKeyId: string, roleArn: string, sessionName: string): string {
  const expiration = new Date(Date.now() + 3600_000).toISOString();
  return `<AssumeRoleResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><AssumeRoleResult><Credentials><AccessKeyId>${xmlText(accessKeyId)}</AccessKeyId><SecretAccessKey>${SECRET_FOR_SESSIONS}</SecretAccessKey><SessionToken>session-token-for-tests</SessionToken><Expiration>${expiration}</Expiration></Credentials><AssumedRoleUser><Arn>${xmlText(roleArn.replace(':iam::', ':sts::').replace(':role/', ':assumed-role/'))}/${xmlText(sessionName)}</Arn><AssumedRoleId>AROAEXAMPLEROLEID0001:${xmlText(sessionName)}</AssumedRoleId></AssumedRoleUser></AssumeRoleResult><ResponseMetadata><RequestId>req-0001</RequestId></ResponseMetadata></AssumeRoleResponse>`;
}

function regionsXml(regions: string[]): string {
  const items = regions.map((name) => `<item><regionName>${xmlText(name)}</regionName><regionEndpoint>ec2.${xmlText(name)}.amazonaws.com</regionEndpoint><optInStatus>opt-in-not-required</optInStatus></item>`).join('');
  return `<DescribeRegionsResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/"><requestId>req-0001</requestId><regionInfo>${items}</regionInfo></DescribeRegionsResponse>`;
}

/**
 * A page of groups that each open SSH to the world. Every second group leaves out securityGroupArn, as answers from
 * emulators do, for the sweeper to compose.
 */
function groupsXml(account: string, region: string, page: number, count: number, nextToken: string | undefined): string {
  const items: string[] = [];
  for (let index = 0; index < count; index++) {
    const id = generatedGroupId(page, index);
    const arn = index % 2 === 0 ? `<securityGroupArn>arn:aws:ec2:${region}:${account}:security-group/${id}</securityGroupArn>` : '';
    items.push(`<item><ownerId>${account}</ownerId><groupId>${id}</groupId><groupName>${region}-p${page}-g${index}</groupName><groupDescription>generated</groupDescription><vpcId>vpc-0123456789abcdef0</vpcId>${arn}`
      + '<ipPermissions><item><ipProtocol>tcp</ipProtocol><fromPort>22</fromPort><toPort>22</toPort><groups/><ipRanges><item><cidrIp>0.0.0.0/0</cidrIp></item></ipRanges><ipv6Ranges/><prefixListIds/></item></ipPermissions>'
      + '<ipPermissionsEgress><item><ipProtocol>-1</ipProtocol><groups/><ipRanges><item><cidrIp>0.0.0.0/0</cidrIp></item></ipRanges><ipv6Ranges/><prefixListIds/></item></ipPermissionsEgress><tagSet/></item>');
  }
  const token = nextToken ? `<nextToken>${nextToken}</nextToken>` : '';
  return `<?xml version="1.0" encoding="UTF-8"?>\n<DescribeSecurityGroupsResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/"><requestId>req-0001</requestId><securityGroupInfo>${items.join('')}</securityGroupInfo>${token}</DescribeSecurityGroupsResponse>`;
}

interface GeneratedInterface {
  id: string;
  groups: string[];
  instance?: string;
}

function plannedInterfaces(plan: InterfacesPlan): GeneratedInterface[] {
  const made: GeneratedInterface[] = [];
  const make = (groups: string[]) => {
    const number = made.length + 1;
    made.push({ id: generatedInterfaceId(number), groups, instance: number % 2 === 1 ? `i-${number.toString(16).padStart(17, '0')}` : undefined });
  };
  for (const [group, count] of Object.entries(plan.perGroup)) for (let index = 0; index < count; index++) make([group]);
  if (plan.shared?.length) make([...plan.shared, plan.shared[0]]);
  return made;
}

/** A page of the plan's interfaces; `ni-page-N` tokens chain the pages. */
function interfacesXml(account: string, plan: InterfacesPlan | undefined, nextToken: string | undefined): string {
  const all = plan ? plannedInterfaces(plan) : [];
  const pages = plan?.pages ?? 1;
  const page = nextToken ? Number(nextToken.replace('ni-page-', '')) : 1;
  const size = Math.ceil(all.length / pages);
  const items = all.slice((page - 1) * size, page * size).map(({ id, groups, instance }) => {
    const groupSet = groups.map((group) => `<item><groupId>${group}</groupId><groupName>name-of-${group}</groupName></item>`).join('');
    const attachment = instance
      ? `<attachment><attachmentId>eni-attach-${id.slice(4)}</attachmentId><instanceId>${instance}</instanceId><instanceOwnerId>${account}</instanceOwnerId><deviceIndex>0</deviceIndex><status>attached</status><deleteOnTermination>true</deleteOnTermination></attachment>`
      : '';
    const description = instance ? '<description/>' : `<description>AWS Lambda VPC ENI-worker &amp; ${id}</description>`;
    return `<item><networkInterfaceId>${id}</networkInterfaceId><subnetId>subnet-0123456789abcdef0</subnetId><vpcId>vpc-0123456789abcdef0</vpcId>${description}<ownerId>${account}</ownerId><status>in-use</status><groupSet>${groupSet}</groupSet>${attachment}<interfaceType>interface</interfaceType></item>`;
  });
  const token = page < pages ? `<nextToken>ni-page-${page + 1}</nextToken>` : '';
  return `<?xml version="1.0" encoding="UTF-8"?>\n<DescribeNetworkInterfacesResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/"><requestId>req-0001</requestId><networkInterfaceSet>${items.join('')}</networkInterfaceSet>${token}</DescribeNetworkInterfacesResponse>`;
}
