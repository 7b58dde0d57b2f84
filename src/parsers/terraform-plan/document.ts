import { stringOf, type IacObject, type IacValue } from '../iac/value.js';
import { inModule } from './address.js';
import { JsonReader } from './json-reader.js';
import { TERRAFORM_NETWORK_TYPES, UNJUDGED_ACCESS_TYPES } from '../iac/terraform-types.js';

/** One entry of `resource_changes` of a type read, as far as it matters here. */
export interface PlannedChange {
  address: string;
  type: string;
  name: string;
  mode: string;
  /** `module_address` when the plan gives it. */
  moduleAddress: string | undefined;
  /** The line of the entry's `address`, or of the entry. */
  line: number;
  actions: string[];
  after: IacValue | undefined;
  afterUnknown: IacValue | undefined;
  /** The line of a value nested too deeply to be read, if any. */
  tooDeepLine: number | undefined;
}

/** What is read of a plan: filled as the text is read, so that what came before a syntax error is kept. */
export interface PlanDocument {
  formatVersion: string | undefined;
  errored: { line: number } | undefined;
  incomplete: { line: number } | undefined;
  changes: PlannedChange[];
  /** Changes of a type that decides access but is not modelled (UNJUDGED_ACCESS_TYPES), other than deletions. */
  unjudged: PlannedChange[];
  /** `expressions` of the configuration's resources of the types read, by address without instance keys. */
  expressions: Map<string, IacObject>;
}

const MAX_MODULE_DEPTH = 64;

export function emptyPlanDocument(): PlanDocument {
  return { formatVersion: undefined, errored: undefined, incomplete: undefined, changes: [], unjudged: [], expressions: new Map() };
}

/**
 * Reads `terraform show -json` output into `plan`: the resource changes of the types read and the configuration's
 * expressions for them; the rest (prior state, planned values, drift, other resources) is skipped without being built.
 * Throws JsonSyntaxError where the text is not JSON.
 */
export function readPlanDocument(text: string, plan: PlanDocument): void {
  const reader = new JsonReader(text);
  reader.members((key, line) => {
    switch (key) {
      case 'format_version':
        plan.formatVersion = stringOf(reader.value());
        return;
      case 'errored':
        if (isTrue(reader.value())) plan.errored = { line };
        return;
      case 'complete': {
        const value = reader.value();
        if (value.kind === 'scalar' && value.value === false) plan.incomplete = { line };
        return;
      }
      case 'resource_changes':
        reader.items(() => readChange(reader, plan));
        return;
      case 'configuration':
        reader.members((member) => (member === 'root_module' ? readModule(reader, plan, '', 0) : reader.skip()));
        return;
      default:
        reader.skip();
    }
  });
  reader.end();
}

function readChange(reader: JsonReader, plan: PlanDocument): void {
  const change: PlannedChange = {
    address: '', type: '', name: '', mode: 'managed', moduleAddress: undefined,
    line: reader.line, actions: [], after: undefined, afterUnknown: undefined, tooDeepLine: undefined,
  };
  let typeKnown = false;
  // The type usually comes before the change; when it does not, the values are read in case it is one of ours.
  const wanted = (): boolean => !typeKnown || TERRAFORM_NETWORK_TYPES.has(change.type);
  reader.tooDeepLine = undefined;
  reader.members((key, line) => {
    switch (key) {
      case 'address':
        change.address = stringOf(reader.value()) ?? '';
        change.line = line;
        return;
      case 'type':
        change.type = stringOf(reader.value()) ?? '';
        typeKnown = true;
        return;
      case 'name':
        change.name = stringOf(reader.value()) ?? '';
        return;
      case 'mode':
        change.mode = stringOf(reader.value()) ?? '';
        return;
      case 'module_address':
        change.moduleAddress = stringOf(reader.value());
        return;
      case 'change':
        // Of a type not modelled, only the actions are read: whether the resource stays.
        if (!wanted() && !UNJUDGED_ACCESS_TYPES.has(change.type)) return reader.skip();
        reader.members((member) => {
          if (member === 'actions') change.actions = stringsOf(reader.value());
          else if (!wanted()) reader.skip();
          else if (member === 'after') change.after = reader.value();
          else if (member === 'after_unknown') change.afterUnknown = reader.value();
          else reader.skip();
        });
        return;
      default:
        reader.skip();
    }
  });
  change.tooDeepLine = reader.tooDeepLine;
  if (TERRAFORM_NETWORK_TYPES.has(change.type)) plan.changes.push(change);
  else if (UNJUDGED_ACCESS_TYPES.has(change.type) && change.mode === 'managed' && !isOnlyDeleted(change)) plan.unjudged.push(change);
}

/** A module of the configuration: its resources' expressions, and its module calls' modules, under `module`. */
function readModule(reader: JsonReader, plan: PlanDocument, module: string, depth: number): void {
  if (depth > MAX_MODULE_DEPTH) return reader.skip();
  reader.members((key) => {
    if (key === 'resources') reader.items(() => readConfiguredResource(reader, plan, module));
    else if (key === 'module_calls') {
      reader.members((name) => {
        const called = inModule(module, `module.${name}`);
        reader.members((member) => (member === 'module' ? readModule(reader, plan, called, depth + 1) : reader.skip()));
      });
    } else reader.skip();
  });
}

function readConfiguredResource(reader: JsonReader, plan: PlanDocument, module: string): void {
  let type: string | undefined;
  let name: string | undefined;
  let mode = 'managed';
  let expressions: IacValue | undefined;
  reader.members((key) => {
    if (key === 'type') type = stringOf(reader.value());
    else if (key === 'name') name = stringOf(reader.value());
    else if (key === 'mode') mode = stringOf(reader.value()) ?? '';
    else if (key === 'expressions' && (type === undefined || TERRAFORM_NETWORK_TYPES.has(type))) expressions = reader.value();
    else reader.skip();
  });
  if (mode === 'managed' && type !== undefined && name !== undefined && TERRAFORM_NETWORK_TYPES.has(type) && expressions?.kind === 'object') {
    plan.expressions.set(inModule(module, `${type}.${name}`), expressions);
  }
}

/** A change that only deletes (or forgets) its resource: gone after apply. A replacement (["delete","create"]) is not. */
export function isOnlyDeleted(change: PlannedChange): boolean {
  return change.actions.length > 0 && change.actions.every((action) => action === 'delete' || action === 'forget');
}


function stringsOf(value: IacValue): string[] {
  if (value.kind !== 'list') return [];
  const strings: string[] = [];
  for (const item of value.items) {
    const text = stringOf(item);
    if (text !== undefined) strings.push(text);
  }
  return strings;
}

function isTrue(value: IacValue): boolean {
  return value.kind === 'scalar' && value.value === true;
}
