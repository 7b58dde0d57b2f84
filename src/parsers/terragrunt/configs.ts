import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import type { Parser } from 'web-tree-sitter';
import type { HostView } from '../../inputs/host-view.js';
import type { InputFile } from '../../inputs/input-file.js';
import type { LoadContext } from '../../inputs/input-format.js';
import type { InputProblem } from '../../model/problem.js';
import { scalar, stringOf, unknown, type IacValue } from '../iac/value.js';
import type { FunctionCall } from '../terraform/function-call.js';
import { readConfiguration } from '../terraform/source-file.js';
import { asText, EvaluationError, object } from '../terraform/values.js';
import { CodeFiles } from '../terraform/code-files.js';
import { readUnitConfig, type Include, type TerragruntLanguage, type UnitConfig } from './unit-config.js';

/** Configurations reading each other deeper than this (read_terragrunt_config in a file it reads) are a cycle. */
const MAX_READ_DEPTH = 4;

/**
 * The Terragrunt configurations one unit reads (itself, what it includes, what `read_terragrunt_config` reads), each
 * evaluated with Terragrunt's functions as they are for this unit: `find_in_parent_folders` searches up from the unit's
 * directory, inside the scanned tree only; `read_terragrunt_config` gives a file's `locals` and `inputs`;
 * `get_terragrunt_dir` is the unit's directory, `get_parent_terragrunt_dir` its include's, and the paths between them
 * (`path_relative_to_include`) and to the Git repository's root (a `.git` inside the tree) are known; `file()` reads
 * relative to the configuration's own directory. Terragrunt's other functions (`get_env`, `run_cmd`,
 * `get_aws_account_id`: the machine that runs it) are not evaluated.
 */
export class TerragruntConfigs {
  private depth = 0;
  private unitFile: string | undefined;
  /** The files read as the unit's includes. */
  private readonly includedFiles = new Set<string>();
  /** Each file other than the unit, read once: hostile files reading each other many times are read once each. */
  private readonly configs = new Map<string, UnitConfig | undefined | 'reading'>();

  constructor(
    private readonly parser: Parser,
    readonly unitDirectory: string,
    private readonly view: HostView,
    private readonly context: LoadContext,
    private readonly problems: InputProblem[],
    /** `values`: what the stack that generates the unit gives it; undefined for a unit written where it is. */
    private readonly values?: IacValue,
  ) {}

  /** A configuration file read and evaluated; undefined (said) when it cannot be parsed. */
  read(file: InputFile): UnitConfig | undefined {
    const read = readConfiguration(this.parser, file);
    if ('problem' in read) {
      this.problems.push(read.problem);
      return undefined;
    }
    const place = this.placeOf(file.path);
    const language: TerragruntLanguage = {
      functions: (call, includes) => this.functions(call, () => (place === 'unit' ? this.includeOf(call, includes) : place)),
      exposed: this.exposed,
      values: place === 'unit' ? this.values : undefined,
      files: new CodeFiles(dirname(file.path), this.context.tree ?? this.unitDirectory, this.context.readFile, this.problems),
    };
    return readUnitConfig(file, read.body, this.problems, language);
  }

  /**
   * Where a configuration stands to the unit: the unit itself; a file it includes (the include, for the functions that
   * name it); or one it reads, whose include is not known.
   */
  private placeOf(path: string): 'unit' | { include: string } | undefined {
    if (this.unitFile === undefined || this.unitFile === path) {
      this.unitFile = path;
      return 'unit';
    }
    return this.includedFiles.has(path) ? { include: path } : undefined;
  }

  /** The file of the unit's include the call names (its first argument), or its only one; undefined when not known. */
  private includeOf(call: FunctionCall, includes: () => Include[] | undefined): { include: string } | 'none' | undefined {
    const all = includes();
    if (!all) return undefined;
    const label = call.count > 0 ? call.argument(0) : undefined;
    if (label?.kind === 'unknown') return undefined;
    const named = label ? all.find((each) => each.label === asText(label)) : all.length === 1 ? all[0] : undefined;
    if (!named) return all.length === 0 ? 'none' : undefined;
    const written = stringOf(named.path);
    const found = written === undefined ? undefined : this.located(written);
    return found && 'file' in found ? { include: found.file } : undefined;
  }

  /**
   * A file the unit includes or reads, inside the scanned tree: read once; 'cycle' when it is being read already, or
   * the files read each other too deep; undefined (said) when it cannot be read or parsed.
   */
  config(path: string, asInclude = false): UnitConfig | undefined | 'cycle' {
    if (asInclude) this.includedFiles.add(path);
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

  /** Terragrunt's functions as one file calls them; `include`: the unit's include there ('none': it has none). */
  private functions(call: FunctionCall, include: () => { include: string } | 'none' | undefined): IacValue | undefined {
    const unit = this.unitDirectory;
    const parent = () => {
      const named = include();
      return named === 'none' ? unit : named && dirname(named.include);
    };
    const known = (path: string | undefined) => (path === undefined ? unknown(call.line, [`${call.name}()`]) : scalar(path, call.line));
    switch (call.name) {
      case 'get_terragrunt_dir':
      case 'get_original_terragrunt_dir':
        return scalar(unit, call.line);
      case 'get_parent_terragrunt_dir':
        return known(parent());
      case 'path_relative_to_include': {
        const from = parent();
        return known(from === undefined ? undefined : relativePath(from, unit));
      }
      case 'path_relative_from_include': {
        const to = parent();
        return known(to === undefined ? undefined : relativePath(unit, to));
      }
      case 'get_repo_root':
        return known(this.repositoryRoot());
      case 'get_path_from_repo_root': {
        const root = this.repositoryRoot();
        return known(root === undefined ? undefined : relativePath(root, unit));
      }
      case 'get_path_to_repo_root': {
        const root = this.repositoryRoot();
        return known(root === undefined ? undefined : relativePath(unit, root));
      }
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
  }

  /** The Git repository the unit is in (the nearest directory above it with `.git`), when that is inside the scanned tree. */
  private repositoryRoot(): string | undefined {
    for (let directory = this.unitDirectory; ; directory = dirname(directory)) {
      const found = this.view.locate(join(directory, '.git'));
      if (found.kind === 'outside') return undefined;
      if (found.kind === 'found') return directory;
      if (dirname(directory) === directory) return undefined;
    }
  }

  /** What an include with `expose = true` gives of the file its path names; undefined (unknown) when it is not read. */
  private readonly exposed = (path: IacValue | undefined, line: number): IacValue | undefined => {
    const written = stringOf(path);
    const found = written === undefined ? undefined : this.located(written);
    const config = found && 'file' in found ? this.config(found.file, true) : undefined;
    return config && config !== 'cycle' ? given(config, line) : undefined;
  };
}

/** A path from one directory to another as Terragrunt gives it: `/`-separated, `.` for the same. */
function relativePath(from: string, to: string): string {
  return relative(from, to).split(sep).join('/') || '.';
}

/** What a configuration gives the files that read it: its `locals` and `inputs`; the rest of it, unknown. */
function given(config: UnitConfig, line: number): IacValue {
  const fields = new Map<string, IacValue>(config.others.map((name) => [name, unknown(line, [`${name} of ${basename(config.file)}`])]));
  fields.set('locals', config.locals);
  fields.set('inputs', config.inputs ?? object(new Map(), line));
  return object(fields, line);
}
