import { posix } from 'node:path';
import { csvDecode } from './csv-decode.js';
import { scalar, unknown, type IacValue } from '../iac/value.js';
import { arity, known, sized, stringFunction, text, type FunctionCall, type Implementation } from './function-call.js';
import { setOf } from './sets.js';
import { asText, EvaluationError } from './values.js';
import { yamlDecode } from './yaml-decode.js';
import { withoutTrailingSlashes } from '../../model/trailing-slashes.js';

/**
 * The functions that read the module's files — `file`, `fileexists`, `fileset` — relative to the root module's
 * directory, inside the scanned tree only, `basename` and `dirname` (Go's), and `yamldecode` and `csvdecode`, which
 * rule factories read them with. A read outside
 * the tree, or of a module given as text alone, is unknown.
 */
export const FILE_FUNCTIONS: Record<string, Implementation> = {
  file: (call) => {
    arity(call, 1);
    return known(call, ([path]) => {
      const read = filesOf(call).read(asText(path));
      return read === undefined ? outside(call) : text(read, call.line, call);
    });
  },
  fileexists: (call) => {
    arity(call, 1);
    return known(call, ([path]) => {
      const exists = filesOf(call).exists(asText(path));
      return exists === undefined ? outside(call) : scalar(exists, call.line);
    });
  },
  fileset: (call) => {
    arity(call, 2);
    return known(call, ([directory, pattern]) => {
      const found = filesOf(call).glob(asText(directory), asText(pattern));
      if (found === undefined) return outside(call);
      const paths = sized(found.map((path) => scalar(path, call.line)), call.line, call);
      return setOf(paths.items, call.line, () => true);
    });
  },
  yamldecode: (call) => {
    arity(call, 1);
    return known(call, ([source]) => yamlDecode(asText(source), call.line, call.charge));
  },
  csvdecode: (call) => {
    arity(call, 1);
    return known(call, ([source]) => csvDecode(asText(source), call.line, call.charge));
  },
  basename: stringFunction((path) => {
    if (path === '') return '.';
    const trimmed = withoutTrailingSlashes(path);
    return trimmed === '' ? '/' : trimmed.slice(trimmed.lastIndexOf('/') + 1);
  }),
  dirname: stringFunction((path) => cleaned(path.slice(0, path.lastIndexOf('/') + 1))),
  // `~` is the home directory of the machine that runs Terraform, which the code does not fix.
  pathexpand: stringFunction((path) => {
    if (path === '~' || path.startsWith('~/')) throw new EvaluationError('pathexpand() of ~, the home directory of the machine that runs Terraform');
    return path;
  }),
};

/** A path as Go's filepath.Clean writes it: `.` and `..` resolved, no repeated or trailing `/`, `.` for nothing. */
function cleaned(path: string): string {
  if (path === '') return '.';
  const normal = posix.normalize(path);
  return normal.length > 1 ? withoutTrailingSlashes(normal) || '/' : normal;
}

function filesOf(call: FunctionCall) {
  const files = call.files;
  if (files === undefined) throw new EvaluationError(`${call.name}() is evaluated only when Parapet reads the module from its directory`);
  return files;
}

function outside(call: FunctionCall): IacValue {
  return unknown(call.line, [`${call.name}()`]);
}
