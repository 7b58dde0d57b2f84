// Start-up of the GitHub Action's committed bundle on a one-file workspace, beside the CLI's scan of the same file to
// SARIF and a bare `node -e 0`, measured in the same run. Runs alternate so that all three see the same machine load;
// prints the medians and what the Action adds to the CLI.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const runs = Number(process.env.RUNS ?? 40);
const action = fileURLToPath(new URL('../action/parapet-action.mjs', import.meta.url));
const cli = fileURLToPath(new URL('../dist/parapet.js', import.meta.url));
const workspace = mkdtempSync(join(tmpdir(), 'parapet-bench-workspace-'));
const runnerFiles = mkdtempSync(join(tmpdir(), 'parapet-bench-runner-'));
copyFileSync(fileURLToPath(new URL('../examples/sshd/hardened-bastion/sshd_config', import.meta.url)), join(workspace, 'sshd_config'));

const actionEnv = {
  PATH: process.env.PATH,
  GITHUB_WORKSPACE: workspace,
  GITHUB_STEP_SUMMARY: join(runnerFiles, 'step_summary'),
  GITHUB_OUTPUT: join(runnerFiles, 'set_output'),
  INPUT_PATHS: 'sshd_config',
  INPUT_ROOT: workspace,
  INPUT_FORMAT: 'sarif',
  INPUT_OUTPUT: 'parapet.sarif',
  'INPUT_FAIL-ON': 'none',
  'INPUT_APP-PORTS': '8081,8084',
  INPUT_CATEGORY: '',
  INPUT_ARGS: '',
};

const commands = {
  'node -e 0': [process.execPath, ['-e', '0'], {}],
  'parapet scan --format sarif (CLI)': [process.execPath, [cli, 'scan', '--format', 'sarif', '--output', join(workspace, 'cli.sarif'), '--root', workspace, '--fail-on', 'none', join(workspace, 'sshd_config')], {}],
  'action/parapet-action.mjs (Action)': [process.execPath, [action], { env: actionEnv, cwd: workspace }],
};

function timeOnce([command, args, options]) {
  // The runner gives each step empty files for its summary and outputs.
  writeFileSync(actionEnv.GITHUB_STEP_SUMMARY, '');
  writeFileSync(actionEnv.GITHUB_OUTPUT, '');
  const start = process.hrtime.bigint();
  const result = spawnSync(command, args, { stdio: ['ignore', 'ignore', 'pipe'], ...options });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} exited ${result.status}: ${result.stderr}`);
  return Number(process.hrtime.bigint() - start) / 1e6;
}

try {
  const samples = Object.fromEntries(Object.keys(commands).map((name) => [name, []]));
  for (const entry of Object.values(commands)) timeOnce(entry); // warm the file cache
  for (let i = 0; i < runs; i++) for (const [name, entry] of Object.entries(commands)) samples[name].push(timeOnce(entry));

  const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  const [bare, scan, step] = Object.keys(commands).map((name) => median(samples[name]));
  for (const name of Object.keys(commands)) console.log(`${name.padEnd(40)} median ${median(samples[name]).toFixed(1)} ms over ${runs} runs`);
  console.log(`Action minus CLI: ${(step - scan).toFixed(1)} ms (${(step / scan).toFixed(2)}x); above node -e 0: CLI ${(scan - bare).toFixed(1)} ms, Action ${(step - bare).toFixed(1)} ms`);
} finally {
  rmSync(workspace, { recursive: true, force: true });
  rmSync(runnerFiles, { recursive: true, force: true });
}
