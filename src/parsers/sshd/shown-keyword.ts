import { looksLikeCredential } from '../../model/quote.js';

const KEYWORD_SHAPED = /^[A-Za-z0-9]{1,40}$/;

/**
 * What stands in a line's keyword place, for a message: the word itself when it is shaped like an sshd keyword, else
 * only its length — a line of a file that is no sshd_config (`root:x:0:0:…`, `API_TOKEN=…`) is never echoed.
 */
export function shownKeyword(written: string): string {
  if (KEYWORD_SHAPED.test(written) && !looksLikeCredential(written)) return written;
  return `a token that is no sshd keyword (${[...written].length} characters, not shown)`;
}
