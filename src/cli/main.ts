import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';
import { shownError } from '../model/shown-error.js';
import { VERSION } from '../version.js';
import { EXIT } from './exit-status.js';
import { SCAN_OPTIONS } from './scan-options.js';
import { CLOUDS, SWEEP_OPTIONS } from './sweep-options.js';

async function main(argv: string[]): Promise<number> {
  let exitCode: number = EXIT.clean;
  await yargs(argv)
    .scriptName('parapet')
    .version(VERSION)
    .strict()
    .demandCommand(1, 'Name a command: scan, sweep, merge, sshd effective or rules.')
    .command(
      'scan [paths..]',
      'Scan files and directories (recursively) and report findings.',
      (command) =>
        command
          .positional('paths', { type: 'string', array: true, default: ['.'], describe: 'Files or directories to scan' })
          .options(SCAN_OPTIONS),
      async (args) => {
        const { runScan } = await import('./scan-command.js');
        exitCode = await runScan({ ...args, paths: args.paths ?? ['.'], failOn: args['fail-on'], appPorts: args['app-ports'], varFile: args['var-file'], parameter: args.parameter });
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
    .fail((message, error) => {
      if (error) throw error;
      process.stderr.write(`parapet: ${message.replace(/:?\s*\n\s*/g, ': ')} — run 'parapet --help' for usage.\n`);
      process.exit(EXIT.error);
    })
    .help()
    .parseAsync();
  return exitCode;
}

main(hideBin(process.argv)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`parapet: internal error: ${shownError(error)} — please report this\n`);
    process.exitCode = EXIT.error;
  },
);
