import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';
import { shownError } from '../model/shown-error.js';
import { VERSION } from '../version.js';
import { EXIT } from './exit-status.js';
import { BASELINE_WRITE_OPTIONS } from './baseline-options.js';
import { toleratePipeClosedByReader } from './closed-pipe.js';
import { SCAN_OPTIONS } from './scan-options.js';
import { CLOUDS, SWEEP_OPTIONS } from './sweep-options.js';

async function main(argv: string[]): Promise<number> {
  let exitCode: number = EXIT.clean;
  const cli = yargs(argv)
    .scriptName('parapet')
    .version(VERSION)
    .strict()
    .demandCommand(1, 'Name a command: scan, sweep, merge, baseline write, fix, explain, init, sshd effective or rules.')
    .command(
      'scan [paths..]',
      'Scan files and directories (recursively) and report findings.',
      (command) =>
        command
          .positional('paths', { type: 'string', array: true, default: ['.'], describe: 'Files or directories to scan' })
          .options(SCAN_OPTIONS),
      async (args) => {
        const { runScan } = await import('./scan-command.js');
        exitCode = await runScan({ ...args, paths: args.paths ?? ['.'], failOn: args['fail-on'], appPorts: args['app-ports'], varFile: args['var-file'], parameter: args.parameter, inlineIgnores: args['inline-ignores'] });
      },
    )
    .command(
      'sweep <cloud>',
      'Read the security groups of a cloud live (AWS, Azure, GCP) and report findings.',
      (command) =>
        command
          .positional('cloud', { choices: CLOUDS, demandOption: true, describe: 'The cloud to sweep' })
          .options(SWEEP_OPTIONS),
      async (args) => {
        const { runSweep } = await import('./sweep-command.js');
        exitCode = await runSweep({
          cloud: args.cloud,
          format: args.format,
          output: args.output,
          failOn: args['fail-on'],
          appPorts: args['app-ports'],
          regions: args.regions,
          assumeRole: args['assume-role'],
          accountsFile: args['accounts-file'],
          subscriptions: args.subscriptions,
          projects: args.projects,
          endpointUrl: args['endpoint-url'],
          snapshotDir: args['snapshot-dir'],
          concurrency: args.concurrency,
          shard: args.shard,
          config: args.config,
          baseline: args.baseline,
        });
      },
    )
    .command(
      'merge <files..>',
      'Join SARIF logs Parapet wrote (the shards of a sweep) into one run, without duplicates.',
      (command) =>
        command
          .positional('files', { type: 'string', array: true, demandOption: true, describe: 'The SARIF logs to merge' })
          .option('output', { type: 'string', describe: 'Write the merged log to this file instead of standard output' }),
      async (args) => {
        const { runMerge } = await import('./merge-command.js');
        exitCode = runMerge({ files: args.files, output: args.output });
      },
    )
    .command('baseline', 'Record the findings of a scan, for later scans to report only what is new (--baseline).', (baseline) =>
      baseline.demandCommand(1, 'Name a baseline subcommand: write.').command(
        'write [paths..]',
        'Scan and write every finding into a SARIF log to compare later scans with (parapet scan --baseline FILE).',
        (command) =>
          command
            .positional('paths', { type: 'string', array: true, default: ['.'], describe: 'Files or directories to scan' })
            .options(BASELINE_WRITE_OPTIONS),
        async (args) => {
          const { runBaselineWrite } = await import('./baseline-command.js');
          exitCode = await runBaselineWrite({ ...args, paths: args.paths ?? ['.'], appPorts: args['app-ports'], varFile: args['var-file'], parameter: args.parameter, inlineIgnores: args['inline-ignores'] });
        },
      ),
    )
    .command('sshd', 'Show how sshd reads a configuration.', (sshd) =>
      sshd
        .demandCommand(1, 'Name an sshd subcommand: effective.')
        .command(
          'effective <file>',
          'Print the effective configuration for one connection, in the format of `sshd -T`.',
          (command) =>
            command
              .positional('file', { type: 'string', demandOption: true, describe: 'The main sshd_config' })
              .option('C', { type: 'string', describe: 'Connection spec: user=..,host=..,addr=..,laddr=..,lport=..,rdomain=..' })
              .option('root', { type: 'string', describe: 'A collected host image: FILE and its Includes are read inside it, as if it were / (--root / for this machine)' }),
          async (args) => {
            const { runSshdEffective } = await import('./sshd-effective-command.js');
            exitCode = runSshdEffective(args.file, args.C, args.root);
          },
        ),
    )
    .command(
      'fix <file>',
      'Fix the sshd findings a one-line change removes: print the change as a diff, or make it with --write.',
      (command) =>
        command
          .positional('file', { type: 'string', demandOption: true, describe: 'The main sshd_config' })
          .option('write', { type: 'boolean', default: false, describe: 'Edit the files in place (otherwise only show the diff)' })
          .options({ root: SCAN_OPTIONS.root, 'fail-on': SCAN_OPTIONS['fail-on'], 'app-ports': SCAN_OPTIONS['app-ports'] }),
      async (args) => {
        const { runFix } = await import('./fix-command.js');
        exitCode = await runFix({ file: args.file, root: args.root, write: args.write, failOn: args['fail-on'], appPorts: args['app-ports'] });
      },
    )
    .command(
      'explain <rule>',
      "Explain a rule: why it matters, how to fix what it finds, its sources, and a bad and a good example.",
      (command) => command.positional('rule', { type: 'string', demandOption: true, describe: 'A rule id, e.g. sshd/password-authentication' }),
      async (args) => {
        const { runExplain } = await import('./explain-command.js');
        exitCode = runExplain(args.rule);
      },
    )
    .command(
      'rules',
      'List the rules (id, severity, title, source).',
      (command) =>
        command
          .option('format', { choices: ['text', 'json'] as const, default: 'text' as const })
          .option('write-docs', { type: 'string', describe: 'Write one markdown page per rule into this directory' }),
      async (args) => {
        const { runRulesCommand } = await import('./rules-command.js');
        exitCode = runRulesCommand(args.format, args['write-docs']);
      },
    )
    .command(
      'init [directory]',
      'Write a commented starter .parapet.yml (never over an existing one).',
      (command) => command.positional('directory', { type: 'string', default: '.', describe: 'Where to write it' }),
      async (args) => {
        const { runInit } = await import('./init-command.js');
        exitCode = runInit(args.directory ?? '.');
      },
    )
    .fail((message, error) => {
      if (error) throw error;
      process.stderr.write(`parapet: ${message.replace(/:?\s*\n\s*/g, ': ')} — run 'parapet --help' for usage.\n`);
      process.exit(EXIT.error);
    })
    .help();
  withoutCachedHelp(cli);
  await cli.parseAsync();
  return exitCode;
}

/**
 * yargs renders a command's whole help text as soon as its handler starts, to show it should the handler fail later;
 * Parapet's failures never show help (see fail above), and the rendering costs a one-file scan a tenth of its start-up.
 */
function withoutCachedHelp(cli: object): void {
  const usage = (cli as { getInternalMethods?: () => { getUsageInstance?: () => { cacheHelpMessage?: () => void } } }).getInternalMethods?.().getUsageInstance?.();
  if (typeof usage?.cacheHelpMessage === 'function') usage.cacheHelpMessage = () => {};
}

toleratePipeClosedByReader(process.stdout, 'standard output');
toleratePipeClosedByReader(process.stderr, 'standard error');
main(hideBin(process.argv)).then(
  (code) => {
    // A failed write to standard output (closed-pipe.ts) may already have set 2.
    process.exitCode ??= code;
  },
  (error: unknown) => {
    process.stderr.write(`parapet: internal error: ${shownError(error)} — please report this\n`);
    process.exitCode = EXIT.error;
  },
);
