import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';
import { VERSION } from '../version.js';
import { EXIT } from './exit-status.js';

const INPUT_TYPES = ['sshd', 'ufw', 'windows-firewall', 'aws', 'azure', 'gcp'] as const;

async function main(argv: string[]): Promise<number> {
  let exitCode: number = EXIT.clean;
  await yargs(argv)
    .scriptName('parapet')
    .version(VERSION)
    .strict()
    .demandCommand(1, 'Name a command: scan, sshd effective or rules.')
    .command(
      'scan [paths..]',
      'Scan files and directories (recursively) and report findings.',
      (command) =>
        command
          .positional('paths', { type: 'string', array: true, default: ['.'], describe: 'Files or directories to scan' })
          .option('type', { choices: INPUT_TYPES, describe: 'Read every file as this input type instead of detecting it' })
          .option('format', { choices: ['text', 'json', 'sarif'] as const, default: 'text' as const, describe: 'Output format' })
          .option('output', { type: 'string', describe: 'Write the report to this file instead of standard output' })
          .option('root', { type: 'string', describe: 'Resolve absolute paths inside inputs (sshd Include) under this directory, as for a collected host image' })
          .option('fail-on', { choices: ['critical', 'high', 'medium', 'low', 'none'] as const, default: 'medium' as const, describe: 'Exit 1 when a finding has at least this severity' })
          .option('app-ports', { type: 'string', default: '8081,8084', describe: 'Application ports that must never be reachable from public addresses (comma-separated)' }),
      async (args) => {
        const { runScan } = await import('./scan-command.js');
        exitCode = await runScan({ ...args, paths: args.paths ?? ['.'], failOn: args['fail-on'], appPorts: args['app-ports'] });
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
              .option('root', { type: 'string', describe: 'Resolve absolute Include paths under this directory' }),
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
    process.stderr.write(`parapet: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = EXIT.error;
  },
);
