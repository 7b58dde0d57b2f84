import type { Model, RuleSettings } from '../engine/rule.js';
import type { InputProblem } from '../model/problem.js';
import type { InputFile } from './input-file.js';
import type { ReadBoundary } from './host-view.js';
import type { InputStream } from './input-stream.js';

/** Values infrastructure code is deployed with: --var-file (Terraform), --parameter key=value (CloudFormation, ARM, Bicep). */
export interface IacOptions {
  varFiles: readonly string[];
  parameters: ReadonlyMap<string, string>;
}

/** `root` and `tree` bound what an input may make Parapet read besides itself (see host-view.ts). */
export interface LoadContext extends ReadBoundary {
  settings: RuleSettings;
  iac?: IacOptions;
  /** Reads another file an input refers to (an sshd Include), located through a host view, with the scanned files' checks. */
  readFile(path: string): InputFile | InputProblem;
}

export interface LoadResult<Models extends Iterable<Model> = Model[]> {
  /**
   * The models. A streaming loader produces them while it reads the file, so that a large export is never held
   * whole: `problems` is complete only once `models` has been read to its end.
   */
  models: Models;
  /** Everything that kept part of the input from being judged. An 'error' problem makes the exit status 2. */
  problems: InputProblem[];
  /** Other files this input read (included drop-ins): a directory scan does not scan them again on their own. */
  consumed?: string[];
}

/** A parser of a format read whole and decoded (configuration files, firewall listings). */
export type LoadInput = (file: InputFile, context: LoadContext) => LoadResult;

/** A parser of a format read in pieces (cloud exports of any size): it hands over models as it reads. */
export type LoadStream = (input: InputStream, context: LoadContext) => LoadResult<Iterable<Model>>;

export interface InputFormat {
  /** The value of --type. */
  type: string;
  title: string;
  /** Whether its files have comment lines (`#`, `//`), where a `parapet-ignore` can be written. */
  comments: boolean;
  /** Decides from the file name and the first 64 KiB of decoded text. Cheap: runs on every file of a directory. */
  detect(name: string, head: string): boolean;
  /**
   * The paths (relative to the file's directory) it reads as part of itself, as far as its name and first 64 KiB show:
   * a Terraform module's local module calls (directories), a Bicep file's modules (files), the template a parameters
   * file is for. They are scanned after it, so that it claims them.
   */
  reads?(name: string, head: string): string[];
  /**
   * Whether it may read files its head cannot name (a Terragrunt stack's nested stacks resolve their catalog's paths
   * from where they are generated): scanned before every file that does not, so that it claims what it reads.
   */
  readsBeyondItsHead?(name: string): boolean;
  /** Reads the file as the format needs it and hands it to the parser, which is imported only now. */
  load(path: string, context: LoadContext): Promise<LoadResult<Iterable<Model>> | InputProblem>;
}
