import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderHtml } from '../../src/reporters/html.js';
import { ruleMarkdownHtml } from '../../src/reporters/html/rule-markdown.js';
import { Chromium, type Page } from '../support/chromium.js';
import { runCli } from '../support/run-cli.js';
import { hostileAwsExport, REPOSITORY, rendered, reportOf, withStatuses } from './real-report.js';

const HOSTILE_NAME = '<script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2">';

/** Screenshots land here (printed), for a person to look at; the assertions below are what the test checks. */
const screenshots = process.env.PARAPET_SCREENSHOTS ?? mkdtempSync(join(tmpdir(), 'parapet-html-screenshots-'));
let browser: Chromium;
let pageFile: string;
let findingCount: number;
let severities: Record<string, number>;
let ruleCounts: Record<string, number>;

beforeAll(async () => {
  const { directory, file } = hostileAwsExport(HOSTILE_NAME);
  const report = withStatuses(await reportOf(['examples', file], REPOSITORY));
  findingCount = report.findings.length;
  severities = {};
  ruleCounts = {};
  for (const finding of report.findings) {
    severities[finding.severity] = (severities[finding.severity] ?? 0) + 1;
    ruleCounts[finding.ruleId] = (ruleCounts[finding.ruleId] ?? 0) + 1;
  }
  pageFile = join(directory, 'report.html');
  writeFileSync(pageFile, rendered(renderHtml, report));
  browser = await Chromium.launch();
});

afterAll(async () => {
  await browser?.close();
});

async function openReport(width: number, height: number, mobile = false): Promise<Page> {
  const page = await browser.open(width, height, mobile);
  await page.goto(pathToFileURL(pageFile).href);
  return page;
}

const visibleFindings = (page: Page) => page.evaluate<{ severity: string; rule: string }[]>(`Array.from(document.querySelectorAll('li.finding')).filter((item) => item.offsetParent !== null).map((item) => ({ severity: item.dataset.severity, rule: item.dataset.rule }))`);

describe('HTML report', () => {
  it('is one page that names no other resource and forbids every fetch', async () => {
    const html = rendered(renderHtml, await reportOf(['examples']));
    expect(html).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'sha256-[A-Za-z0-9+/=]+'; script-src 'sha256-[A-Za-z0-9+/=]+'; base-uri 'none'; form-action 'none'">/);
    expect(html).not.toMatch(/\s(src|srcset|action|formaction|poster|data)=/i);
    expect(html).not.toMatch(/<link|@import|url\(/i);
    expect(html.match(/<script>/g)).toHaveLength(1);
  });

  it('renders in Chromium without requesting anything, running anything but its script, or breaking its policy', async () => {
    const page = await openReport(1280, 900);
    expect(await page.evaluate('window.__pwned')).toBeUndefined();
    expect(await page.evaluate('document.querySelectorAll("img, script:not(:last-of-type)").length')).toBe(0);
    expect(await page.evaluate('document.body.innerText')).toContain(HOSTILE_NAME);
    const requests = page.events.filter((event) => event.method === 'Network.requestWillBeSent').map((event) => (event.params.request as { url: string }).url);
    expect(requests).toEqual([pathToFileURL(pageFile).href]);
    const complaints = page.events.filter((event) => event.method === 'Log.entryAdded' && (event.params.entry as { level: string }).level === 'error');
    expect(complaints).toEqual([]);
    // The style sheet applied (its hash is right): a high badge is red, not the default transparent.
    expect(await page.evaluate(`getComputedStyle(document.querySelector('.sev-high')).backgroundColor`)).toBe('rgb(207, 34, 46)');
    writeFileSync(join(screenshots, 'desktop-1280.png'), await page.screenshot());
    console.log(`HTML report screenshots: ${screenshots}`);
  });

  it('has a summary by severity and input type, findings grouped by asset with their lines, and the rules’ help', async () => {
    const page = await openReport(1280, 900);
    const total = await page.evaluate<string[]>(`Array.from(document.querySelectorAll('table.summary tfoot td'), (cell) => cell.textContent)`);
    expect(total).toEqual([...['critical', 'high', 'medium', 'low'].map((severity) => String(severities[severity] ?? 0)), String(findingCount)]);
    const kinds = await page.evaluate<string[]>(`Array.from(document.querySelectorAll('table.summary tbody th'), (cell) => cell.textContent)`);
    expect(kinds).toEqual(expect.arrayContaining(['sshd', 'AWS security group', 'Azure NSG', 'GCP network', 'ufw', 'Windows firewall']));
    const lines = await page.evaluate<string[]>(
      `Array.from(Array.from(document.querySelectorAll('section.asset')).find((section) => section.querySelector('h3').textContent === 'sshd examples/sshd/insecure-bastion/sshd_config').querySelectorAll('.where'), (cell) => cell.textContent)`,
    );
    expect(lines).toContain('examples/sshd/insecure-bastion/sshd_config:29');
    const help = await page.evaluate<string>(`document.getElementById('rule-sshd/password-authentication').innerText`);
    expect(help).toMatch(/Why[\s\S]+How to fix[\s\S]+PasswordAuthentication no[\s\S]+References/);
    expect(await page.evaluate(`document.querySelectorAll('article.rule-help').length`)).toBe(Object.keys(ruleCounts).length);
    const statuses = await page.evaluate<string[]>(`Array.from(document.querySelectorAll('li.finding .status'), (status) => status.textContent)`);
    expect(statuses.filter((status) => status.startsWith('suppressed'))).toEqual(['suppressed in the source: accepted risk: the contractors VPN ends in June']);
    expect(statuses.filter((status) => status === 'new since the baseline').length).toBeGreaterThan(0);
  });

  it('filters by severity and by rule in the browser', async () => {
    const page = await openReport(1280, 900);
    expect(await visibleFindings(page)).toHaveLength(findingCount);
    expect(await page.evaluate(`document.getElementById('shown-count').textContent`)).toBe(`${findingCount} of ${findingCount} findings shown`);

    await page.evaluate(`(() => { const box = document.querySelector('input[name=severity][value=low]'); box.click(); })()`);
    const withoutLow = await visibleFindings(page);
    expect(withoutLow).toHaveLength(findingCount - severities.low);
    expect(withoutLow.some((finding) => finding.severity === 'low')).toBe(false);
    // An asset whose findings are all low disappears with them.
    expect(await page.evaluate(`Array.from(document.querySelectorAll('section.asset')).filter((section) => section.offsetParent !== null && section.querySelectorAll('li.finding:not([hidden])').length === 0).length`)).toBe(0);

    await page.evaluate(`(() => { const select = document.querySelector('select[name=rule]'); select.value = 'sshd/password-authentication'; select.dispatchEvent(new Event('change', { bubbles: true })); })()`);
    const onePassword = await visibleFindings(page);
    expect(onePassword).toHaveLength(ruleCounts['sshd/password-authentication']);
    expect(new Set(onePassword.map((finding) => finding.rule))).toEqual(new Set(['sshd/password-authentication']));
    expect(await page.evaluate(`Array.from(document.querySelectorAll('section.asset')).filter((section) => section.offsetParent !== null).length`)).toBeLessThan(await page.evaluate(`document.querySelectorAll('section.asset').length`));

    await page.evaluate(`(() => { document.querySelector('input[name=severity][value=low]').click(); const select = document.querySelector('select[name=rule]'); select.value = ''; select.dispatchEvent(new Event('change', { bubbles: true })); })()`);
    expect(await visibleFindings(page)).toHaveLength(findingCount);
  });

  it('fits a phone: nothing wider than 390 pixels', async () => {
    const page = await openReport(390, 844, true);
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
    expect(await page.evaluate(`Array.from(document.querySelectorAll('body *')).filter((element) => element.getBoundingClientRect().right > 390.5).map((element) => element.tagName + '.' + element.className)`)).toEqual([]);
    writeFileSync(join(screenshots, 'phone-390.png'), await page.screenshot());
  });

  it('turns rule markdown into HTML without letting any of it become markup of its own', () => {
    expect(ruleMarkdownHtml('Set **this**:\n\n```\nLogLevel VERBOSE <x>\n```\n\n- a `<b>` [link](https://example.com/a?b=1&c=2)\n- [bad](javascript:alert(1)) <i>')).toBe(
      '<p>Set <strong>this</strong>:</p>\n<pre><code>LogLevel VERBOSE &lt;x&gt;</code></pre>\n' +
        '<ul><li>a <code>&lt;b&gt;</code> <a href="https://example.com/a?b=1&amp;c=2" rel="noreferrer noopener">link</a></li><li>[bad](javascript:alert(1)) &lt;i&gt;</li></ul>',
    );
  });

  it('is what `parapet scan --format html` writes', () => {
    const run = runCli(['scan', 'examples/sshd/insecure-bastion', '--format', 'html'], { cwd: REPOSITORY });
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/^<!DOCTYPE html>/);
    expect(run.stdout).toContain('<code class="where">examples/sshd/insecure-bastion/sshd_config:6</code>');
  });
});
