import type { IacLoad } from '../../src/parsers/iac/front-end.js';
import type { IacResource, IacValue } from '../../src/parsers/iac/value.js';
import { cloudFormationTemplate } from '../../src/parsers/cloudformation/template.js';

export function load(text: string, parameters: Record<string, string> = {}, path = 'template.yaml'): IacLoad {
  return cloudFormationTemplate({ path, text, encoding: 'utf-8' }, new Map(Object.entries(parameters)));
}

export function resource(result: IacLoad, address: string): IacResource {
  const found = result.resources.find((candidate) => candidate.address === address);
  if (!found) throw new Error(`no resource ${address} in ${result.resources.map((r) => r.address).join(', ')}`);
  return found;
}

/** The value at a path of field names and list indexes under a resource's body. */
export function valueAt(from: IacResource | IacValue, ...path: Array<string | number>): IacValue | undefined {
  let value: IacValue | undefined = 'body' in from ? from.body : from;
  for (const step of path) {
    if (value === undefined) return undefined;
    if (typeof step === 'number') value = value.kind === 'list' ? value.items[step] : undefined;
    else value = value.kind === 'object' ? value.fields.get(step) : undefined;
  }
  return value;
}

/** The template with one security group whose first ingress item's CidrIp is `cidr` (YAML text, indented for it). */
export function withCidr(cidr: string, head = ''): string {
  return `${head}Resources:
  Sg:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: test
      SecurityGroupIngress:
        - IpProtocol: tcp
          FromPort: 22
          ToPort: 22
          CidrIp: ${cidr}
`;
}

export function cidrOf(result: IacLoad): IacValue | undefined {
  return valueAt(resource(result, 'Sg'), 'SecurityGroupIngress', 0, 'CidrIp');
}
