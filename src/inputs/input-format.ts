import type { Model, RuleSettings } from '../engine/rule.js';
import type { InputProblem } from '../model/problem.js';
import type { InputFile } from './input-file.js';

export interface LoadContext {
  /** --root: absolute paths inside inputs (sshd Include) are resolved under it, as for a collected host image. */
  root?: string;
  settings: RuleSettings;
  /** Reads another file an input refers to (an sshd Include) with the same checks as the scanned files. */
  readFile(path: string): InputFile | InputProblem;
}

export interface LoadResult {
  models: Model[];
  /** Everything that kept part of the input from being judged. An 'error' problem makes the exit status 2. */
  problems: InputProblem[];
  /** Other files this input read (included drop-ins): a directory scan does not scan them again on their own. */
  consumed?: string[];
}

export type LoadInput = (file: InputFile, context: LoadContext) => LoadResult;

export interface InputFormat {
  /** The value of --type. */
  type: string;
  title: string;
  /** Largest file accepted. */
  maxBytes: number;
  /** Decides from the file name and the first 64 KiB of decoded text. Cheap: runs on every file of a directory. */
  detect(name: string, head: string): boolean;
  /** Loaded only when a file of this type is scanned. */
  loader(): Promise<LoadInput>;
}
