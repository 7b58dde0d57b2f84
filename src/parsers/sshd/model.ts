import type { SourceLocation } from '../../model/location.js';
import type { SshdConfigModel, SshdContext, SshdSetting } from '../../model/sshd-config.js';
import { printedValues } from './dump.js';
import type { SshdEvaluation } from './effective.js';
import { asciiLower, lookupKeyword } from './keywords.js';
import type { ServerOptions } from './options.js';

/** The rules' view: the global context, then one context per Match block (global + that block). */
export function buildSshdModel(file: string, evaluation: SshdEvaluation, files: string[], unreadIncludes: SourceLocation[]): SshdConfigModel {
  const { startup } = evaluation;
  const contexts: SshdContext[] = [context('global', undefined, evaluation.global(), () => true)];
  for (const block of startup.blocks) {
    const setHere = startup.setInBlock.get(block.id) ?? new Set<string>();
    contexts.push(context(block.text, block.location, evaluation.forBlock(block), (keyword) => setHere.has(keyword)));
  }
  return {
    kind: 'sshd',
    file,
    asset: { kind: 'sshd', id: file },
    contexts,
    invalid: evaluation.issues.map((issue) => ({ location: issue.location, message: issue.message })),
    files,
    unreadIncludes,
  };
}

function canonical(keyword: string): string {
  return lookupKeyword(keyword)?.name ?? asciiLower(keyword);
}

function context(name: string, match: SourceLocation | undefined, options: ServerOptions, setsHere: (keyword: string) => boolean): SshdContext {
  const cache = new Map<string, SshdSetting>();
  return {
    name,
    match,
    get(keyword) {
      const key = canonical(keyword);
      let setting = cache.get(key);
      if (!setting) {
        const stored = options.get(key);
        setting = { keyword: key, values: printedValues(key, stored) ?? [], location: stored?.location };
        if (stored?.unreadIncludeBefore) setting.unreadIncludeBefore = stored.unreadIncludeBefore;
        cache.set(key, setting);
      }
      return setting;
    },
    setsHere: (keyword) => setsHere(canonical(keyword)),
  };
}
