import type { InputFile } from '../../inputs/input-file.js';
import { problemAt, type InputProblem } from '../../model/problem.js';
import type { CodeFiles } from './code-files.js';
import { EvaluationBudget } from './evaluate.js';
import type { KnownModule } from './known-modules.js';
import type { Block } from './syntax.js';

/** A module's files read: OpenTofu's replacements made, the override files merged, the variable files in Terraform's order. */
export interface ParsedModule {
  configurations: { file: InputFile; blocks: Block[] }[];
  autoVarFiles: InputFile[];
  problems: InputProblem[];
}

/**
 * The modules a root module calls, read beforehand (reading is the loader's, and async): from the local file system,
 * or where `terraform init` put a fetched one. Each is found by its key, the names of the calls that lead to it
 * (`net.sg` for `module "sg"` called in `module "net"`), as Terraform's own .terraform/modules/modules.json keys them.
 */
export interface ModuleLibrary {
  /** The modules read, by the key of the calls that lead to each; one that was not read is missing (said where it was read). */
  readonly modules: ReadonlyMap<string, { directory: string; parsed: ParsedModule }>;
  /** Registry modules not fetched that Parapet knows by their interface, by key: judged without their code. */
  readonly known?: ReadonlyMap<string, KnownModule>;
  /** How many resource blocks the modules read declare, each module counted once. */
  readonly resourceBlocks: number;
}

/** Deeper calls than this are a cycle through links or hostile input, not infrastructure. */
export const MAX_MODULE_DEPTH = 16;
/**
 * Module instances one root module may make, all calls and depths together, and the resources they may hold: beyond
 * what the modules themselves declare (each called once), instances may add 10,000 resources or ten times the blocks
 * declared. More is hostile input multiplying a module by its calls.
 */
const MAX_INSTANCES = 256;
const EXTRA_RESOURCES = 10_000;
const RESOURCES_PER_BLOCK = 10;

/** Where a module call is written. */
export type Place = { file: string; line: number };

/** What the module instances under one root module share: the modules read, one evaluation budget, the limits. */
export class ModuleTree {
  readonly budget = new EvaluationBudget();
  readonly problems: InputProblem[] = [];
  private instances = 0;
  private resources = 0;
  private readonly refused = new Set<'instances' | 'resources'>();

  constructor(
    readonly library: ModuleLibrary | undefined,
    /** The files the modules' code may read (file(), fileset()), or undefined where none are read. */
    readonly files?: CodeFiles,
  ) {}

  /** Whether one more instance may be made; the first refusal is an error at the call. */
  admits(at: Place, name: string): boolean {
    if (this.refused.has('instances')) return false;
    if (++this.instances <= MAX_INSTANCES && !this.budget.exhausted) return true;
    return this.refuse('instances', at, `the modules make ${this.budget.exhausted ? 'more evaluation than any real module' : `more than ${MAX_INSTANCES} instances`} — ${name} and the instances after it are not judged`);
  }

  /** Whether an instance's resources may be judged, given those judged so far; the first refusal is an error at the call. */
  judges(at: Place, name: string): boolean {
    if (this.refused.has('resources')) return false;
    const limit = EXTRA_RESOURCES + RESOURCES_PER_BLOCK * (this.library?.resourceBlocks ?? 0);
    if (this.resources <= limit) return true;
    return this.refuse('resources', at, `the modules make more than ${limit} resources — those of ${name} and the instances after it are not judged`);
  }

  count(resources: number): void {
    this.resources += resources;
  }

  private refuse(what: 'instances' | 'resources', at: Place, message: string): false {
    this.refused.add(what);
    this.problems.push(problemAt('iac/unsupported', at, `${message}; scan the plan (terraform show -json)`));
    return false;
  }
}
