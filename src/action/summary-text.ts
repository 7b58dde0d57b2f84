import { shown } from '../model/quote.js';

/**
 * Text from an input for the job summary, which GitHub renders as Markdown with HTML: invisible characters escaped and
 * the text cut as `shown` does, then every ASCII punctuation character written as a character reference (`|` as
 * `&#124;`), so that nothing in a message or a path can open a tag, a link, a table cell, code or emphasis.
 */
export function summaryText(text: string, max = 200): string {
  return shown(text, max).replace(/[!-/:-@[-`{-~]/g, (character) => `&#${character.charCodeAt(0)};`);
}

/** A link to a file's line at the commit, or undefined when the run does not say which repository and commit it is. */
export function lineLink(path: string, line: number | undefined, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const { GITHUB_SERVER_URL: server, GITHUB_REPOSITORY: repository, GITHUB_SHA: sha } = env;
  if (!server || !/^https?:\/\/[\w.:-]+$/.test(server) || !repository || !/^[\w.-]+\/[\w.-]+$/.test(repository) || !sha || !/^[0-9a-f]{40,64}$/.test(sha)) return undefined;
  const encoded = path.split('/').map((segment) => encodeURIComponent(segment).replace(/[!'()*]/g, (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`));
  return `${server}/${repository}/blob/${sha}/${encoded.join('/')}${line ? `#L${line}` : ''}`;
}
