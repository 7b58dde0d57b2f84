import { sshdEffective } from './sshd-effective.js';
import { EXIT } from './exit-status.js';

/** `parapet sshd effective FILE -C user=..,addr=..`: prints what `sshd -T` would print. */
export function runSshdEffective(file: string, connection: string | undefined, root: string | undefined): number {
  const spec: Record<string, string> = {};
  for (const field of (connection ?? '').split(',').filter(Boolean)) {
    const equals = field.indexOf('=');
    if (equals <= 0) {
      process.stderr.write(`parapet: -C takes key=value pairs separated by commas (user, host, addr, laddr, lport, rdomain), got '${field}'\n`);
      return EXIT.error;
    }
    spec[field.slice(0, equals).trim().toLowerCase()] = field.slice(equals + 1);
  }
  const { stdout, stderr, exitCode } = sshdEffective(file, spec, root);
  process.stdout.write(stdout);
  process.stderr.write(stderr);
  return exitCode;
}
