import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A throw-away self-signed certificate for 127.0.0.1: the bearer-token policy of the Azure SDK refuses plain http. */
export interface ThrowAwayCertificate {
  directory: string;
  /** The certificate alone, for NODE_EXTRA_CA_CERTS. */
  certificatePath: string;
  key: Buffer;
  certificate: Buffer;
  remove(): void;
}

export function throwAwayCertificate(): ThrowAwayCertificate {
  const directory = mkdtempSync(join(tmpdir(), 'parapet-azure-tls-'));
  const keyPath = join(directory, 'key.pem');
  const certificatePath = join(directory, 'cert.pem');
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', keyPath, '-out', certificatePath, '-days', '1', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1'], { stdio: 'ignore' });
  return {
    directory,
    certificatePath,
    key: readFileSync(keyPath),
    certificate: readFileSync(certificatePath),
    remove: () => rmSync(directory, { recursive: true, force: true }),
  };
}
