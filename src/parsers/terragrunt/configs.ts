import { dirname, join, resolve } from 'node:path';
import type { Parser } from 'web-tree-sitter';
import type { HostView } from '../../inputs/host-view.js';
import type { InputFile } from '../../inputs/input-file.js';
import type { LoadContext } from '../../inputs/input-format.js';
import type { InputProblem } from '../../model/problem.js';
import { scalar, unknown, type IacValue } from '../iac/value.js';
import type { FunctionCall } from '../terraform/function-call.js';
import { readConfiguration } from '../terraform/source-file.js';
import { asText, EvaluationError, object } from '../terraform/values.js';
import { readUnitConfig, type UnitConfig } from './unit-config.js';

/** Configurations reading each other deeper than this (read_terragrunt_config in a file it reads) are a cycle. */
const MAX_READ_DEPTH = 4;

/**
 * The Terragrunt configurations one unit reads (itself, what it includes, what `read_terragrunt_config` reads), each
 * evaluated with Terragrunt's functions as they are for this unit: `find_in_parent_folders` searches up from the unit's
 * directory, inside the scanned tree only; `read_terragrunt_config` gives a file's `locals` and `inputs`;
 * `get_terragrunt_dir` is the unit's directory. Terragrunt's other functions are not evaluated.
 */
export class TerragruntConfigs {
  private depth = 0;
  /** Each file other than the unit, read once: hostile files reading each other many times are read once each. */
  private readonly configs = new Map<string, UnitConfig | undefined | 'reading'>();

  constructor(
    private readonly parser: Parser,
    private readonly unitDirectory: string,
    private readonly view: HostView,
    private readonly context: LoadContext,
    private readonly problems: InputProblem[],
  ) {}

  /** A configuration file read and evaluated; undefined (said) when it cannot be parsed. */
  read(file: InputFile): UnitConfig | undefined {
    const read = readConfiguration(this.parser, file);
    if ('problem' in read) {
      this.problems.push(read.problem);
      return undefined;
    }
    return readUnitConfig(file, read.body, this.problems, { functions: this.functions, exposed: this.exposed });
  }

  /**
   * A file the unit includes or reads, inside the scanned tree: read once; 'cycle' when it is being read already, or
   * the files read each other too deep; undefined (said) when it cannot be read or parsed.
   */
  config(path: string): UnitConfig | undefined | 'cycle' {
    const known = this.configs.get(path);
    if (known === 'reading' || (!this.configs.has(path) && this.depth >= MAX_READ_DEPTH)) return 'cycle';
    if (this.configs.has(path)) return known;
    const file = this.context.readFile(path);
    if ('id' in file) {
      this.problems.push(file);
      this.configs.set(path, undefined);
      return undefined;
    }
    this.configs.set(path, 'reading');
    this.depth++;
    try {
      const config = this.read(file);
      this.configs.set(path, config);
      return config;
    } finally {
      this.depth--;
    }
  }

  /** The nearest file named so above the unit's directory, inside the scanned tree. */
  findInParentFolders(name = 'terragrunt.hcl'): { file: string } | { outside: string } | undefined {
    for (let directory = dirname(this.unitDirectory); ; directory = dirname(directory)) {
      const found = this.view.locate(join(directory, name));
      if (found.kind === 'outside') return { outside: join(directory, name) };
      if (found.kind === 'found' && !found.directory) return { file: found.path };
      if (dirname(directory) === directory) return undefined;
    }
  }

  /** A file inside the scanned tree, read as an input is; undefined when it is not one. */
  located(path: string): { file: string } | { outside: string } | undefined {
    const found = this.view.locate(resolve(this.unitDirectory, path));
    if (found.kind === 'outside') return { outside: resolve(this.unitDirectory, path) };
    return found.kind === 'found' && !found.directory ? { file: found.path } : undefined;
  }

  private readonly functions = (call: FunctionCall): IacValue | undefined => {
    switch (call.name) {
      case 'get_terragrunt_dir':
        return scalar(this.unitDirectory, call.line);
      case 'find_in_parent_folders': {
        const name = call.count > 0 ? call.argument(0) : scalar('terragrunt.hcl', call.line);
        if (name.kind === 'unknown') return name;
        // A file above the scanned tree is named all the same: what reads it says it is outside.
        const found = this.findInParentFolders(asText(name));
        if (found) return scalar('file' in found ? found.file : found.outside, call.line);
        if (call.count > 1) return call.argument(1);
        throw new EvaluationError(`find_in_parent_folders: no ${asText(name)} above the unit`);
      }
      case 'read_terragrunt_config': {
        const path = call.argument(0);
        if (path.kind === 'unknown') return path;
        const found = this.located(asText(path));
        if (!found || 'outside' in found) {
          if (call.count > 1) return call.argument(1);
          throw new EvaluationError(`read_terragrunt_config: ${asText(path)} is ${found ? `outside ${this.view.bound}` : 'not a file here'}`);
        }
        const config = this.config(found.file);
        return config && config !== 'cycle' ? given(config, call.line) : unknown(call.line, ['read_terragrunt_config()']);
      }
      default:
        return undefined;
    }
  };

  /** What an include with `expose = true` gives of the file its path names; undefined (unknown) when it is not read. */
  private readonly exposed = (path: IacValue | undefined, line: number): IacValue | undefined => {
    const found = path?.kind === 'scalar' && typeof path.value === 'string' ? this.located(path.value) : undefined;
    const config = found && 'file' in found ? this.config(found.file) : undefined;
    return config && config !== 'cycle' ? given(config, line) : undefined;
  };
}

/** What a configuration gives the files that read it: its `locals` and `inputs`. */
function given(config: UnitConfig, line: number): IacValue {
  return object(new Map([['locals', config.locals], ['inputs', config.inputs ?? object(new Map(), line)]]), line);
}
