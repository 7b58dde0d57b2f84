import { problemAt, type InputProblem } from '../../model/problem.js';
import { scalar, unknown, type IacValue } from '../iac/value.js';
import { Conditions } from './conditions.js';
import { stringOf, type TemplateMap, type TemplateNode } from './template-node.js';
import { at, cut, literalAt } from './values.js';

interface ParameterDeclaration {
  type: string;
  defaultValue?: TemplateNode;
}

/**
 * What a template declares that its values may read (parameters, mappings, conditions, the logical ids of its
 * resources), the `--parameter` values given, and the problems found while evaluating.
 */
export class TemplateScope {
  readonly problems: InputProblem[] = [];
  /** Logical id → resource type, of every resource of the template. */
  readonly resources = new Map<string, string | undefined>();
  readonly conditions: Conditions;
  private readonly parameters = new Map<string, ParameterDeclaration>();
  private readonly mappings: TemplateMap | undefined;

  constructor(readonly file: string, root: TemplateMap, private readonly given: ReadonlyMap<string, string>) {
    const parameters = root.entries.get('Parameters')?.value;
    if (parameters?.kind === 'map') {
      for (const [name, { value }] of parameters.entries) {
        const type = value.kind === 'map' ? stringOf(value.entries.get('Type')?.value) : undefined;
        const defaultValue = value.kind === 'map' ? value.entries.get('Default')?.value : undefined;
        this.parameters.set(name, { type: type ?? 'String', defaultValue });
      }
    }
    const mappings = root.entries.get('Mappings')?.value;
    this.mappings = mappings?.kind === 'map' ? mappings : undefined;
    const resources = root.entries.get('Resources')?.value;
    if (resources?.kind === 'map') {
      for (const [id, { value }] of resources.entries) this.resources.set(id, value.kind === 'map' ? stringOf(value.entries.get('Type')?.value) : undefined);
    }
    const conditions = root.entries.get('Conditions')?.value;
    this.conditions = new Conditions(conditions?.kind === 'map' ? conditions : undefined, this);
  }

  /** A value CloudFormation would reject the template for: the resource is judged with it unknown. */
  invalid(line: number, message: string): void {
    this.problems.push(problemAt('iac/invalid-resource', { file: this.file, line }, message, 'error'));
  }

  unsupported(line: number, message: string, level: InputProblem['level'] = 'warning'): void {
    this.problems.push(problemAt('iac/unsupported', { file: this.file, line }, message, level));
  }

  isParameter(name: string): boolean {
    return this.parameters.has(name);
  }

  /** A parameter's value: given with --parameter, else its Default, else unknown; a list for list types. */
  parameterValue(name: string, line: number): IacValue {
    const { type, defaultValue } = this.parameters.get(name)!;
    // An SSM parameter type's value is the name of the SSM parameter to read at deployment, not the value.
    if (type.startsWith('AWS::SSM::Parameter::')) return unknown(line, [cut(`parameter ${name} (read from SSM)`)]);
    const isList = type === 'CommaDelimitedList' || type.startsWith('List<');
    const given = this.given.get(name);
    if (given !== undefined) return isList ? listOf(given, line) : scalar(given, line);
    if (defaultValue === undefined) return unknown(line, [cut(`parameter ${name}`)]);
    if (isList && defaultValue.kind === 'scalar') return listOf(defaultValue.value === null ? '' : String(defaultValue.value), line);
    return at(literalAt(defaultValue, line), line);
  }

  /** The entry of Mappings → map → top key → second key, as written. */
  mappingEntry(map: string, topKey: string, secondKey: string): TemplateNode | undefined {
    const top = this.mappings?.entries.get(map)?.value;
    const second = top?.kind === 'map' ? top.entries.get(topKey)?.value : undefined;
    return second?.kind === 'map' ? second.entries.get(secondKey)?.value : undefined;
  }

  hasMapping(map: string): boolean {
    return this.mappings?.entries.has(map) ?? false;
  }
}

/** CommaDelimitedList and List<…> values: split on commas, each member trimmed (as CloudFormation does). */
function listOf(text: string, line: number): IacValue {
  return { kind: 'list', items: text.split(',').map((item) => scalar(item.trim(), line)), line };
}
