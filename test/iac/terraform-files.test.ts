import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { DEFAULT_RULE_SETTINGS } from '../../src/engine/rule.js';
import { readInputFile } from '../../src/inputs/input-file.js';
import type { LoadContext } from '../../src/inputs/input-format.js';
import type { InputProblem } from '../../src/model/problem.js';
import { localModules } from '../../src/parsers/iac/local-modules.js';
import { moduleFiles } from '../../src/parsers/iac/module-files.js';
import { CodeFiles } from '../../src/parsers/terraform/code-files.js';
import { evaluateModule, parseModule } from '../../src/parsers/terraform/module.js';
import { EvaluationError } from '../../src/parsers/terraform/values.js';
import { plain } from './terraform-helpers.js';
import { scanned, tree, withCorpusModule } from './terraform-trees.js';

/** A rule factory as Google's cloud-foundation-fabric and many teams write one: one YAML file of rules per team. */
const FACTORY = {
  'main.tf': `locals {
  rule_files = fileset("\${path.module}/rules", "**/*.{yaml,yml}")
  rules      = merge([for f in local.rule_files : yamldecode(file("\${path.module}/rules/\${f}"))]...)
}

module "fw" {
  source = "./modules/fw"
}
`,
  'rules/a.yaml': 'allow-ssh:\n  ports: [22]\n  source_ranges: [10.0.0.0/8]\n',
  'rules/team-b/b.yml': 'allow-rdp:\n  ports: [3389]\n  source_ranges: [0.0.0.0/0]\n',
  'rules/notes.txt': 'not: [rules\n',
  'modules/fw/main.tf': 'locals {\n  own = yamldecode(file("${path.module}/defaults.yaml"))\n}\noutput "own" {\n  value = merge(local.own, { where = path.module })\n}\n',
  'modules/fw/defaults.yaml': 'web: {ports: [443], source_ranges: [0.0.0.0/0]}\n',
};

const PROBE = `resource "aws_security_group" "probe" {
  files   = local.rule_files
  rules   = local.rules
  module  = module.fw.own
  exists  = [fileexists("rules/a.yaml"), fileexists("rules/none.yaml")]
  matched = fileset(".", "rules/[a-b]*")
  files_only = fileset("rules", "*/")
  directory  = fileset("rules", "team-b")
  cleaned    = file("./rules/../rules/a.yaml")
}
`;

async function evaluated(directory: string) {
  const context = { tree: directory, settings: DEFAULT_RULE_SETTINGS, readFile: (path: string) => readInputFile(path, 1 << 20) } as LoadContext;
  const parsed = await parseModule(moduleFiles(directory, context).files);
  const called = await localModules(parsed, directory, context);
  const problems: InputProblem[] = [];
  const codeFiles = new CodeFiles(directory, directory, context.readFile, problems);
  const loaded = await evaluateModule(parsed, { varFiles: [], directory, library: called.library, codeFiles });
  const probe = loaded.resources.find((resource) => resource.address === 'aws_security_group.probe')!;
  return { probe: plain(probe.body) as Record<string, unknown>, problems: [...called.problems, ...problems, ...loaded.problems].map((problem) => `${problem.id} ${problem.line} ${problem.message.split(' — ')[0]}`) };
}

/**
 * fileset(".", PATTERN) in this tree, as Terraform v1.11.4 gives it (`terraform console`). REJECTED: Terraform's error,
 * or — braces inside braces, which Terraform matches in its own way — a pattern Parapet does not evaluate.
 */
const REJECTED = Symbol('rejected');
const GLOB_TREE = ['9.yaml', 'a/1.yaml', 'a/.5.yaml', 'a/.h/4.yaml', 'a/b/2.yml', 'a/b/ab.yaml', 'a/b/ba.yaml', 'a/b/c/3.yaml', 'a/b/c/8.txt', 'sp ace/6.yaml', 'x[1]/7.yaml'];
const FILESET_AS_TERRAFORM: [string, string[] | typeof REJECTED][] = [
  ['**', ['9.yaml','a/.5.yaml','a/.h/4.yaml','a/1.yaml','a/b/2.yml','a/b/ab.yaml','a/b/ba.yaml','a/b/c/3.yaml','a/b/c/8.txt','sp ace/6.yaml','x[1]/7.yaml']],
  ['**/*.yaml', ['9.yaml','a/.5.yaml','a/.h/4.yaml','a/1.yaml','a/b/ab.yaml','a/b/ba.yaml','a/b/c/3.yaml','sp ace/6.yaml','x[1]/7.yaml']],
  ['*/*.yaml', ['a/.5.yaml','a/1.yaml','sp ace/6.yaml','x[1]/7.yaml']],
  ['a/**/*.yaml', ['a/.5.yaml','a/.h/4.yaml','a/1.yaml','a/b/ab.yaml','a/b/ba.yaml','a/b/c/3.yaml']],
  ['a/**', ['a/.5.yaml','a/.h/4.yaml','a/1.yaml','a/b/2.yml','a/b/ab.yaml','a/b/ba.yaml','a/b/c/3.yaml','a/b/c/8.txt']],
  ['a/b/*', ['a/b/2.yml','a/b/ab.yaml','a/b/ba.yaml']],
  ['a/?/*', ['a/b/2.yml','a/b/ab.yaml','a/b/ba.yaml']],
  ['a/b/[a-b]*.yaml', ['a/b/ab.yaml','a/b/ba.yaml']],
  ['a/b/[!a]*.yaml', ['a/b/ab.yaml']],
  ['a/b/[^a]*.yaml', ['a/b/ba.yaml']],
  ['**/c/*', ['a/b/c/3.yaml','a/b/c/8.txt']],
  ['**/b/**', ['a/b/2.yml','a/b/ab.yaml','a/b/ba.yaml','a/b/c/3.yaml','a/b/c/8.txt']],
  ['*.{yaml,yml}', ['9.yaml']],
  ['**/*.{yaml,txt}', ['9.yaml','a/.5.yaml','a/.h/4.yaml','a/1.yaml','a/b/ab.yaml','a/b/ba.yaml','a/b/c/3.yaml','a/b/c/8.txt','sp ace/6.yaml','x[1]/7.yaml']],
  ['a/{b,b/c}/*', REJECTED],
  ['x\\[1\\]/*', ['x[1]/7.yaml']],
  ['sp ace/*', ['sp ace/6.yaml']],
  ['a/.*', ['a/.5.yaml']],
  ['a/**/.*', ['a/.5.yaml']],
  ['**/?.yaml', ['9.yaml','a/.h/4.yaml','a/1.yaml','a/b/c/3.yaml','sp ace/6.yaml','x[1]/7.yaml']],
  ['a/b/*a*', ['a/b/ab.yaml','a/b/ba.yaml']],
  ['./a/*.yaml', ['a/.5.yaml','a/1.yaml']],
  ['a/../9.yaml', ['9.yaml']],
  ['a//b/*', ['a/b/2.yml','a/b/ab.yaml','a/b/ba.yaml']],
  ['**/**/*.txt', ['a/b/c/8.txt']],
  ['a/b', []],
  ['nonexist/**', []],
  ['a/*/', ['a/.5.yaml','a/1.yaml']],
  ['a/b/{ab,ba}.yaml', ['a/b/ab.yaml','a/b/ba.yaml']],
  ['a/b/{a{b,c},ba}.yaml', REJECTED],
  ['{a}/1.yaml', ['a/1.yaml']],
  ['{a,}/1.yaml', ['a/1.yaml']],
  ['a/{', REJECTED],
  ['a/[', REJECTED],
  ['a/b/[]a]*', REJECTED],
  ['a/b/[a-]*', REJECTED],
  ['*.yam?', ['9.yaml']],
  ['a/b/\\a*', ['a/b/ab.yaml']],
  ['a/b/[b-a]*', []],
  ['a/b/[a-c-e]*', REJECTED],
  ['{,a/}9.yaml', REJECTED],
];

describe("fileset() matches as Terraform's does", () => {
  const directory = tree(Object.fromEntries(GLOB_TREE.map((path) => [path, ''])));
  const files = new CodeFiles(directory, directory, (path) => readInputFile(path, 1 << 20), []);
  test.each(FILESET_AS_TERRAFORM)('%s', (pattern, expected) => {
    const glob = () => files.glob('.', pattern, { file: 'main.tf', line: 1 });
    if (expected === REJECTED) expect(glob).toThrow(EvaluationError);
    else expect(glob()).toEqual(expected);
  });
});

describe('files the code reads: file(), fileexists(), fileset(), yamldecode(), path.module', () => {
  test('give what Terraform gives, from the root module and from a called one', async () => {
    // Recorded with `terraform console` (Terraform v1.11.4) in this tree, after `terraform init`.
    const { probe, problems } = await evaluated(tree({ ...FACTORY, 'probe.tf': PROBE }));
    expect(problems).toEqual([]);
    expect(probe).toEqual({
      files: ['a.yaml', 'team-b/b.yml'],
      rules: { 'allow-rdp': { ports: [3389], source_ranges: ['0.0.0.0/0'] }, 'allow-ssh': { ports: [22], source_ranges: ['10.0.0.0/8'] } },
      module: { web: { ports: [443], source_ranges: ['0.0.0.0/0'] }, where: 'modules/fw' },
      exists: [true, false],
      matched: ['rules/a.yaml'],
      files_only: ['a.yaml', 'notes.txt'],
      directory: [],
      cleaned: 'allow-ssh:\n  ports: [22]\n  source_ranges: [10.0.0.0/8]\n',
    });
  });

  test('a rule factory is judged by the rules its files hold: RDP from anywhere is a finding, SSH from 10/8 is not', async () => {
    const directory = tree({
      ...FACTORY,
      'firewall.tf': `resource "google_compute_firewall" "rule" {
  for_each      = local.rules
  name          = each.key
  network       = "default"
  source_ranges = each.value.source_ranges
  allow {
    protocol = "tcp"
    ports    = [for port in each.value.ports : tostring(port)]
  }
}
`,
    });
    const { findings, problems } = await scanned(directory);
    // A GCP firewall's asset is its network; the egress finding is the network's implied allow-all egress rule.
    expect(findings).toEqual(['net/rdp-open-to-world firewall.tf:1 default', 'net/egress-open-to-world firewall.tf:1 default']);
    expect(problems).toEqual([]);
  });

  test("a real rule factory: Cloud Foundation Fabric's net-vpc-firewall from the corpus, with a folder of YAML rules and named ranges", async () => {
    const directory = tree({
      'live/main.tf': `module "firewall" {
  source     = "../fw"
  project_id = "my-project"
  network    = "my-network"
  named_ranges = {
    vpn = ["10.20.0.0/16"]
  }
  factories_config = {
    rules_folder = "rules"
  }
}
`,
      'live/rules/ops.yaml': `ingress:
  ssh-from-anywhere:
    source_ranges: [0.0.0.0/0]
    rules:
      - protocol: tcp
        ports: [22]
  rdp-from-vpn:
    source_ranges: [vpn]
    rules:
      - protocol: tcp
        ports: [3389]
  deny-telnet:
    deny: true
    priority: 900
    source_ranges: [0.0.0.0/0]
    rules:
      - protocol: tcp
        ports: [23]
`,
    });
    withCorpusModule(directory, 'fabric-net-vpc-firewall', 'fw');
    const { findings, problems } = await scanned(directory);
    // SSH from anywhere is a finding; RDP from the named range `vpn` (10.20.0.0/16) is not.
    expect(findings.filter((finding) => !finding.startsWith('net/egress-open-to-world'))).toEqual(['net/ssh-open-to-world fw/main.tf:95 my-network']);
    expect(problems).toEqual([]);
  });

  test('nothing outside the scanned tree is read, through .., an absolute path or a link: each read is a warning and unknown', async () => {
    const outside = tree({ 'secret.yaml': 'allow-all: {ports: [22], source_ranges: [10.0.0.0/8]}\n' });
    const directory = tree({
      'main.tf': `resource "aws_security_group" "probe" {
  up       = file("../${'x'}/secret.yaml")
  absolute = file("${join(outside, 'secret.yaml')}")
  linked   = file("rules/linked.yaml")
  set      = fileset("..", "*/secret.yaml")
  exists   = fileexists("${join(outside, 'secret.yaml')}")
}
`,
    });
    mkdirSync(join(directory, 'rules'));
    symlinkSync(join(outside, 'secret.yaml'), join(directory, 'rules', 'linked.yaml'));
    const { probe, problems } = await evaluated(directory);
    for (const name of ['up', 'absolute', 'linked', 'set', 'exists']) expect(probe[name]).toMatchObject({ unknown: [expect.stringMatching(/^file(set|exists)?\(\)$/)] });
    expect(problems.filter((problem) => problem.startsWith('input/outside-boundary'))).toHaveLength(5);
    for (const problem of problems) expect(problem).not.toContain('allow-all');
  });

  test("a missing file, a directory, YAML that is not YAML are Terraform's errors: unknown, with a warning at the call", async () => {
    const directory = tree({
      'main.tf': 'resource "aws_security_group" "probe" {\n  missing = file("none.yaml")\n  directory = file("rules")\n  broken = yamldecode(file("rules/broken.yaml"))\n}\n',
      'rules/broken.yaml': 'key: [unclosed, AKIAIOSFODNN7EXAMPLE\n',
    });
    writeFileSync(join(directory, 'latin1.txt'), Buffer.from([0x78, 0xff, 0x0a]));
    writeFileSync(join(directory, 'main.tf'), readFileSync(join(directory, 'main.tf'), 'utf8').replace('}\n', '  latin1 = file("latin1.txt")\n}\n'));
    const { probe, problems } = await evaluated(directory);
    expect(Object.values(probe).every((value) => typeof value === 'object' && value !== null && 'unknown' in value)).toBe(true);
    expect(problems).toEqual([
      "iac/unsupported 2 missing: no file exists at 'none.yaml'",
      "iac/unsupported 3 directory: 'rules' is a directory, not a file",
      expect.stringMatching(/^iac\/unsupported 4 broken: yamldecode\(\) of text that is not YAML \([A-Z_]+ at its line \d+\)/),
      "iac/unsupported 5 latin1: the contents of 'latin1.txt' are not valid UTF-8, which Terraform's file() rejects",
    ]);
    for (const problem of problems) expect(problem).not.toContain('AKIA');
  });

  test('a module given as text alone reads no file: file() is unknown, with a warning', async () => {
    const { load } = await import('./terraform-helpers.js');
    const { resources, problems } = await load('resource "aws_security_group" "f" {\n  v = file("main.tf")\n}\n');
    expect(plain(resources[0].body.fields.get('v'))).toEqual({ unknown: ['v'] });
    expect(problems.map((problem) => problem.message)).toEqual([expect.stringContaining('file() is evaluated only when Parapet reads the module from its directory')]);
  });

  test('hostile trees: a fileset over more than 10,000 entries, and YAML aliases that multiply, stop with a warning or stay small', async () => {
    const directory = tree({ 'main.tf': 'resource "aws_security_group" "probe" {\n  many = fileset(".", "**/*.yaml")\n  laughs = length(yamldecode(file("laughs.yaml")).z)\n}\n' });
    const laughs = ['a: &a [x, x, x, x, x, x, x, x, x, x]', ...Array.from({ length: 25 }, (_, index) => `${String.fromCharCode(98 + index)}: &${String.fromCharCode(98 + index)} [${Array(10).fill(`*${String.fromCharCode(97 + index)}`).join(', ')}]`)];
    writeFileSync(join(directory, 'laughs.yaml'), `${laughs.join('\n')}\n`);
    for (let index = 0; index < 110; index++) {
      mkdirSync(join(directory, `d${index}`));
      for (let file = 0; file < 100; file++) writeFileSync(join(directory, `d${index}`, `${file}.yaml`), '');
    }
    const started = performance.now();
    const { probe, problems } = await evaluated(directory);
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(probe.many).toMatchObject({ unknown: ['many'] });
    expect(probe.laughs).toBe(10);
    expect(problems).toEqual([expect.stringContaining('fileset() walks more than 10000 files and directories')]);
  });
});
