import { problemAt, type InputProblem } from '../model/problem.js';
import { shown } from '../model/quote.js';
import { combinedChange, type ConfigFixes } from './plan-fixes.js';
import { unwritable, writeFileInPlace } from './write-file.js';

/**
 * Writes the fixes of each configuration, all of a configuration's files or none of them (its fixes are checked
 * together first). A file two configurations both change is left alone: each result was checked without the other.
 */
export function writeFixes(planned: readonly ConfigFixes[]): { files: string[]; refusals: InputProblem[] } {
  const files: string[] = [];
  const refusals: InputProblem[] = [];
  const refuse = (mainFile: string, message: string) => refusals.push(problemAt('fix/refused', { file: mainFile }, message));
  const changes = planned.map((config) => ({ config, change: combinedChange(config) }));
  const owners = new Map<string, number>();
  for (const { change } of changes) if (typeof change !== 'string') for (const { original } of change) owners.set(original.path, (owners.get(original.path) ?? 0) + 1);
  for (const { config, change } of changes) {
    if (typeof change === 'string') {
      refuse(config.config.mainFile, `${change} — nothing written`);
      continue;
    }
    const shared = change.find(({ original }) => owners.get(original.path)! > 1);
    if (shared) {
      refuse(config.config.mainFile, `${shown(shared.original.path, 1000)} is part of another configuration fixed in this run too — fix them one at a time with parapet fix`);
      continue;
    }
    const unready = change.map(({ original }) => unwritable(original)).find((refusal) => refusal !== undefined);
    if (unready) {
      refuse(config.config.mainFile, `${unready} — nothing written`);
      continue;
    }
    for (const { original, text } of change) {
      const failed = writeFileInPlace(original, text);
      if (failed) {
        refuse(config.config.mainFile, failed);
        break;
      }
      files.push(shown(original.path, 1000));
    }
  }
  return { files, refusals };
}
