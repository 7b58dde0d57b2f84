import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../rules/index.js';
import { renderJunit } from '../../src/reporters/junit.js';
import type { Report } from '../../src/reporters/report.js';
import { xmlText } from '../../src/reporters/xml-text.js';
import { runCli } from '../support/run-cli.js';
import { hostileAwsExport, REPOSITORY, rendered, reportOf, withStatuses } from './real-report.js';

const SCHEMA = new URL('./junit-10.xsd', import.meta.url).pathname;

/** Validates with libxml2's xmllint against the Jenkins JUnit schema; returns its complaints ('' when valid). */
function schemaErrors(xml: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'parapet-junit-')), 'report.xml');
  writeFileSync(file, xml);
  const result = spawnSync('xmllint', ['--noout', '--schema', SCHEMA, file], { encoding: 'utf8' });
  if (result.error) throw new Error(`xmllint is not installed (apt-get install libxml2-utils): ${result.error.message}`);
  return result.status === 0 ? '' : result.stderr;
}

/** XPath answers from xmllint, so that the counts are read by a real XML parser. */
function xpath(xml: string, expression: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'parapet-junit-')), 'report.xml');
  writeFileSync(file, xml);
  const result = spawnSync('xmllint', ['--xpath', expression, file], { encoding: 'utf8' });
  return result.stdout.trim();
}

const count = (xml: string, expression: string) => Number(xpath(xml, `count(${expression})`));

describe('JUnit report', () => {
  it('validates against the Jenkins JUnit schema, and the schema check can fail', async () => {
    const xml = rendered(renderJunit, await reportOf(['examples']));
    expect(schemaErrors(xml)).toBe('');
    expect(schemaErrors(xml.replace('<testcase ', '<testcase bogus="1" '))).toMatch(/bogus/);
  });

  it('has one testcase per rule and asset, a failure for each that has findings, and counts that match', async () => {
    const report = await reportOf(['examples/sshd/insecure-bastion', 'examples/cloud/aws-describe-security-groups.json']);
    const xml = rendered(renderJunit, report);
    const sshdRules = RULES.filter((rule) => rule.input === 'sshd').length;
    const networkRules = RULES.filter((rule) => rule.input === 'network').length;
    // One sshd host and two AWS groups have findings; the two files are read without problems.
    expect(count(xml, '//testsuite[@name="sshd"]/testcase')).toBe(sshdRules);
    expect(count(xml, '//testsuite[@name="AWS security group"]/testcase')).toBe(2 * networkRules);
    expect(count(xml, '//testsuite[@name="inputs"]/testcase')).toBe(2);
    const failedPairs = new Set(report.findings.map((finding) => `${finding.ruleId} ${finding.asset.id}`));
    expect(count(xml, '//testcase[failure]')).toBe(failedPairs.size);
    expect(Number(xpath(xml, 'string(/testsuites/@tests)'))).toBe(count(xml, '//testcase'));
    expect(Number(xpath(xml, 'string(/testsuites/@failures)'))).toBe(count(xml, '//failure'));
    for (const suite of ['sshd', 'AWS security group', 'inputs']) {
      expect(Number(xpath(xml, `string(//testsuite[@name="${suite}"]/@tests)`))).toBe(count(xml, `//testsuite[@name="${suite}"]/testcase`));
      expect(Number(xpath(xml, `string(//testsuite[@name="${suite}"]/@failures)`))).toBe(count(xml, `//testsuite[@name="${suite}"]/testcase/failure`));
    }
    // Two findings of one rule on one asset are one testcase whose failure lists both, with file:line.
    const passwords = xpath(xml, 'string(//testcase[@name="sshd/password-authentication"]/failure)');
    expect(passwords).toContain('examples/sshd/insecure-bastion/sshd_config:6: high:');
    expect(passwords).toContain('examples/sshd/insecure-bastion/sshd_config:29: high:');
    expect(xpath(xml, 'string(//testcase[@name="sshd/password-authentication"]/failure/@type)')).toBe('high');
    // A rule that found nothing on the host passes.
    expect(count(xml, '//testsuite[@name="sshd"]/testcase[@name="sshd/permit-empty-passwords"][not(*)]')).toBe(1);
  });

  it('makes suppressed and baseline findings skipped, with the reason, and only new ones failures', async () => {
    const report = withStatuses(await reportOf(['examples/sshd/insecure-bastion']));
    const xml = rendered(renderJunit, report);
    expect(schemaErrors(xml)).toBe('');
    const suppressed = report.findings[0];
    const skipped = xpath(xml, `string(//testcase[@name="${suppressed.ruleId}"]/skipped/@message)`);
    expect(skipped).toBe('suppressed in the source: accepted risk: the contractors VPN ends in June');
    const failing = new Set(report.findings.filter((finding) => !finding.suppression && finding.baselineState === 'new').map((finding) => finding.ruleId));
    expect(count(xml, '//testcase[failure]')).toBe(failing.size);
    expect(Number(xpath(xml, 'string(//testsuite[@name="sshd"]/@skipped)'))).toBe(count(xml, '//testsuite[@name="sshd"]/testcase[skipped]'));
    expect(count(xml, '//testcase[skipped]')).toBeGreaterThan(1);
  });

  it('reports an input it could not read as an error testcase', async () => {
    const { directory, file } = hostileAwsExport('ok');
    const broken = join(directory, 'garbage.bin');
    writeFileSync(broken, Buffer.from([0, 1, 2, 3, 0xff, 0]));
    const xml = rendered(renderJunit, await reportOf([file, broken], directory));
    expect(schemaErrors(xml)).toBe('');
    expect(count(xml, '//testsuite[@name="inputs"]/testcase[error]')).toBe(1);
    expect(xpath(xml, 'string(//testsuite[@name="inputs"]/testcase[error]/@classname)')).toBe('garbage.bin');
    expect(Number(xpath(xml, 'string(/testsuites/@errors)'))).toBe(1);
  });

  it('escapes markup and writes characters XML forbids as visible escapes', async () => {
    const hostile = 'x"/><testcase name="forged"/>\u0001\u001b[31m&amp;\ud800';
    const { directory, file } = hostileAwsExport(hostile);
    const report = await reportOf([file], directory);
    const forged: Report = { ...report, findings: report.findings.map((finding) => ({ ...finding, message: `${finding.message} ${hostile}` })) };
    const xml = rendered(renderJunit, forged);
    expect(schemaErrors(xml)).toBe('');
    expect(count(xml, '//testcase[@name="forged"]')).toBe(0);
    expect(xpath(xml, 'string((//failure)[1])')).toContain('x"/><testcase name="forged"/>\\x01\\x1b[31m&amp;\\u{d800}');
    expect(xmlText('a\u0000b\ufffe\t', true)).toBe('a\\x00b\\u{fffe}&#9;');
  });

  it('collapses the rules that found nothing into one testcase per asset on a very large export', async () => {
    const { directory, file } = hostileAwsExport('big', { copies: 1200 });
    const report = await reportOf([file], directory);
    const xml = rendered(renderJunit, report);
    const assets = new Set(report.findings.map((finding) => finding.asset.id)).size;
    expect(assets).toBe(2400);
    const failing = new Set(report.findings.map((finding) => `${finding.ruleId} ${finding.asset.id}`)).size;
    expect(count(xml, '//testsuite[@name="AWS security group"]/testcase')).toBe(failing + assets);
    expect(xpath(xml, 'string((//testcase[not(failure)])[1]/@name)')).toMatch(/^\d+ other rules: no findings$/);
  });

  it('is what `parapet scan --format junit` writes', () => {
    const run = runCli(['scan', 'fixtures/sshd/password-authentication', '--format', 'junit'], { cwd: REPOSITORY });
    expect(run.status).toBe(1);
    expect(schemaErrors(run.stdout)).toBe('');
    expect(count(run.stdout, '//failure')).toBeGreaterThan(0);
    expect(xpath(run.stdout, 'string(//testcase[failure][@name="sshd/password-authentication"]/@file)')).toMatch(/^fixtures\/sshd\/password-authentication\//);
  });
});
