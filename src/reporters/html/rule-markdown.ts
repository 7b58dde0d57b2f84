import { htmlText } from './escape.js';

/**
 * The markdown of a rule's rationale and remediation as HTML: paragraphs, fenced code, `code`, **bold**, `- ` lists and
 * links to http(s) addresses — what rule metadata uses. The text is escaped before any markup is added, so nothing in
 * it can become an element or an attribute of its own.
 */
export function ruleMarkdownHtml(markdown: string): string {
  const blocks: string[] = [];
  const lines = markdown.replace(/\r\n?/g, '\n').split('\n');
  let paragraph: string[] = [];
  let list: string[] = [];
  const flush = () => {
    if (paragraph.length > 0) blocks.push(`<p>${inline(paragraph.join(' '))}</p>`);
    if (list.length > 0) blocks.push(`<ul>${list.map((item) => `<li>${inline(item)}</li>`).join('')}</ul>`);
    paragraph = [];
    list = [];
  };
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index];
    if (line.trimStart().startsWith('```')) {
      flush();
      const code: string[] = [];
      for (index++; index < lines.length && !lines[index].trimStart().startsWith('```'); index++) code.push(lines[index]);
      blocks.push(`<pre><code>${htmlText(code.join('\n'))}</code></pre>`);
    } else if (/^\s*[-*] /.test(line)) {
      if (paragraph.length > 0) flush();
      list.push(line.replace(/^\s*[-*] /, ''));
    } else if (line.trim() === '') {
      flush();
    } else if (list.length > 0 && /^\s+\S/.test(line)) {
      list[list.length - 1] += ` ${line.trim()}`;
    } else {
      if (list.length > 0) flush();
      paragraph.push(line.trim());
    }
  }
  flush();
  return blocks.join('\n');
}

/** Inline markdown (code, bold, links) as HTML, escaped first: code spans are split off so that their content is left as it is. */
export function inline(text: string): string {
  return text
    .split(/(`[^`]*`)/)
    .map((piece, index) => (index % 2 === 1 ? `<code>${htmlText(piece.slice(1, -1))}</code>` : emphasisAndLinks(htmlText(piece))))
    .join('');
}

function emphasisAndLinks(escaped: string): string {
  return escaped
    .replace(/\*\*([^*]+)\*\*/g, '<strong>$1</strong>')
    .replace(/\[([^\]]+)\]\((https?:\/\/[^\s()]+)\)/g, '<a href="$2" rel="noreferrer noopener">$1</a>');
}
