// How a scan of a Terraform repository grows: generated repositories of 200 and 2,000 .tf files (modules of 10 files),
// with 10 and with 100 security group rules a file, scanned with every rule, beside a plain read of the same files
// (cat). Linear work grows 10x from 200 to 2,000 files. Each repository is scanned twice: its modules on their own,
// and called, each once, by a root main.tf that gives them their variable (the modules judged as instances).
// usage: node bench/iac/terraform-repo.mjs [RUNS=3]   (PARAPET=path/to/parapet.js to bench another build)
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { medianSeconds } from '../median-seconds.mjs';

const here = new URL('.', import.meta.url).pathname;
const runs = Number(process.argv[2] ?? 3);
const parapet = process.env.PARAPET ?? join(here, '../../dist/parapet.js');
if (!existsSync(parapet)) throw new Error(`${parapet} does not exist — run node build.mjs first`);
const top = mkdtempSync(join(tmpdir(), 'parapet-bench-terraform-'));
const FILES_PER_MODULE = 10;

/** One .tf file: a security group with half its rules inline (some through a dynamic block), half as rule resources. */
function terraformFile(module, file, rules) {
  const name = `sg_${file}`;
  const inline = [];
  for (let rule = 0; rule < rules / 2; rule++) {
    const port = 1000 + ((module * 7 + file * 13 + rule) % 5000);
    inline.push(`  ingress {\n    description = "rule ${rule}"\n    from_port   = ${port}\n    to_port     = ${port + (rule % 3)}\n    protocol    = "tcp"\n    cidr_blocks = ["10.${module % 256}.${rule % 256}.0/24", var.office_cidr]\n  }\n`);
  }
  const separate = [];
  for (let rule = 0; rule < rules / 2; rule++) {
    const port = 2000 + ((module * 11 + file * 3 + rule) % 5000);
    separate.push(
      `resource "aws_security_group_rule" "${name}_${rule}" {\n  type              = "ingress"\n  from_port         = ${port}\n  to_port           = ${port}\n  protocol          = "${rule % 4 === 0 ? 'udp' : 'tcp'}"\n` +
        `  cidr_blocks       = [${rule % 50 === 0 ? '"0.0.0.0/0"' : `local.private[${rule % 3}]`}]\n  security_group_id = aws_security_group.${name}.id\n}\n`,
    );
  }
  const preamble = file === 0
    ? 'variable "office_cidr" {\n  type    = string\n  default = "203.0.113.0/24"\n}\n\nlocals {\n  private = ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16"]\n}\n\n'
    : '';
  return `${preamble}resource "aws_security_group" "${name}" {\n  name   = "${name}-${module}"\n  vpc_id = "vpc-0123456789abcdef0"\n\n${inline.join('\n')}}\n\n${separate.join('\n')}`;
}

function repository(files, rules, called) {
  const directory = join(top, `${files}-files-${rules}-rules${called ? '-called' : ''}`);
  const calls = [];
  for (let module = 0; module < files / FILES_PER_MODULE; module++) {
    const moduleDirectory = join(directory, 'modules', `m${module}`);
    mkdirSync(moduleDirectory, { recursive: true });
    for (let file = 0; file < FILES_PER_MODULE; file++) writeFileSync(join(moduleDirectory, `sg${file}.tf`), terraformFile(module, file, rules));
    calls.push(`module "m${module}" {\n  source      = "./modules/m${module}"\n  office_cidr = "198.51.100.0/24"\n}\n`);
  }
  if (called) writeFileSync(join(directory, 'main.tf'), calls.join('\n'));
  return directory;
}

try {
  for (const rules of [10, 100]) {
    const seconds = {};
    for (const files of [200, 2000]) {
      const directory = repository(files, rules, false);
      seconds[files] = medianSeconds(process.execPath, [parapet, 'scan', directory, '--format', 'sarif', '--output', '/dev/null'], runs);
      const read = medianSeconds('sh', ['-c', `find "${directory}" -name '*.tf' -exec cat {} + > /dev/null`], runs);
      const called = medianSeconds(process.execPath, [parapet, 'scan', repository(files, rules, true), '--format', 'sarif', '--output', '/dev/null'], runs);
      console.log(`${files} files, ${rules} rules a file (${files * rules} rules): parapet ${seconds[files].toFixed(2)} s (called by a root module: ${called.toFixed(2)} s), plain read (cat) ${read.toFixed(2)} s`);
    }
    console.log(`growth from 200 to 2,000 files at ${rules} rules a file: ${(seconds[2000] / seconds[200]).toFixed(1)}x (linear 10x)`);
  }
} finally {
  rmSync(top, { recursive: true, force: true });
}
