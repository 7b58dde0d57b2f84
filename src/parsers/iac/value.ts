import { redacted } from '../../model/quote.js';

/**
 * A value of infrastructure code (Terraform, a plan, CloudFormation, ARM, Bicep), evaluated as far as the code alone allows,
 * with the line it was written on. Every front end produces these; the mappers to the network model read only these.
 */
export type IacValue = IacScalar | IacList | IacObject | IacUnknown;

export interface IacScalar {
  kind: 'scalar';
  value: string | number | boolean | null;
  line: number;
}

export interface IacList {
  kind: 'list';
  items: IacValue[];
  line: number;
  /** A Terraform set: its elements are in Terraform's order, and each is its own key (`for k, v in set`, for_each). */
  set?: true;
}

/** An object, a map, or a block body. Repeated nested blocks (`ingress { }` twice) are a list of objects under their name. */
export interface IacObject {
  kind: 'object';
  fields: Map<string, IacValue>;
  line: number;
}

/**
 * A value the code does not fix: a variable without a default, a data source, a module output, another resource's
 * computed attribute, an `!ImportValue`. It is judged as the worst it could be, never as safe.
 */
export interface IacUnknown {
  kind: 'unknown';
  line: number;
  /** What it depends on, as the code writes it: 'var.allowed_cidrs', 'data.aws_vpc.main.cidr_block', '!ImportValue SharedCidr'. */
  dependsOn: string[];
  /**
   * The resource of the same module or template this value reads, when it reads one: its address
   * ('aws_security_group.app'), logical id ('AppSG') or ARM resource name. How a rule resource names its group.
   */
  resource?: string;
}

/** One resource of infrastructure code, in the vocabulary of its language. */
export interface IacResource {
  /** 'aws_security_group', 'AWS::EC2::SecurityGroup', 'Microsoft.Network/networkSecurityGroups/securityRules'. */
  type: string;
  /**
   * How the code names it: 'aws_security_group.bastion', 'aws_security_group.web["a"]', 'module.db.aws_security_group.this',
   * a CloudFormation logical id, an ARM resource name with its expressions resolved ('nsg-web', 'nsg-web/allow-ssh').
   */
  address: string;
  /** The file that declares it, and the line where its declaration starts. */
  file: string;
  line: number;
  /** Terraform: the block body (plan: `change.after`); CloudFormation: `Properties`; ARM: the whole resource object. */
  body: IacObject;
}

export function scalar(value: IacScalar['value'], line: number): IacScalar {
  return { kind: 'scalar', value, line };
}

/** The text a value is when it is a string; undefined for any other value, or none. */
export function stringOf(value: IacValue | undefined): string | undefined {
  return value?.kind === 'scalar' && typeof value.value === 'string' ? value.value : undefined;
}

export function unknown(line: number, dependsOn: string[], resource?: string): IacUnknown {
  return resource === undefined ? { kind: 'unknown', line, dependsOn } : { kind: 'unknown', line, dependsOn, resource };
}

/** How a message names a resource: its address, escaped, cut and checked for credentials (code may name a resource anything). */
export function shownAddress(resource: IacResource): string {
  return redacted(resource.address, 120);
}
