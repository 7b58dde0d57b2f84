/**
 * The environment the AWS default credential chain reads, set for one test and restored after it: access keys from
 * the environment (the chain's first link), no profile files, no instance metadata, no retry or endpoint overrides.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const READ_BY_THE_SDK = [
  'AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN', 'AWS_PROFILE', 'AWS_DEFAULT_PROFILE', 'AWS_REGION', 'AWS_DEFAULT_REGION',
  'AWS_CONFIG_FILE', 'AWS_SHARED_CREDENTIALS_FILE', 'AWS_EC2_METADATA_DISABLED', 'AWS_MAX_ATTEMPTS', 'AWS_RETRY_MODE', 'AWS_ENDPOINT_URL',
  'AWS_ENDPOINT_URL_EC2', 'AWS_ENDPOINT_URL_STS', 'AWS_ROLE_ARN', 'AWS_WEB_IDENTITY_TOKEN_FILE', 'AWS_CONTAINER_CREDENTIALS_RELATIVE_URI',
  'AWS_CONTAINER_CREDENTIALS_FULL_URI', 'AWS_CONTAINER_AUTHORIZATION_TOKEN',
];

export const CALLER_KEY = 'AKIDEXAMPLE';

/** The same environment for a child process (the CLI, the Action): access keys, and no files or instance metadata. */
export function awsChildEnvironment(home: string): Record<string, string> {
  return {
    AWS_ACCESS_KEY_ID: CALLER_KEY,
    AWS_SECRET_ACCESS_KEY: 'caller-secret-for-tests',
    AWS_REGION: 'us-east-1',
    AWS_CONFIG_FILE: join(home, 'config'),
    AWS_SHARED_CREDENTIALS_FILE: join(home, 'credentials'),
    AWS_EC2_METADATA_DISABLED: 'true',
  };
}

/** Sets the environment; returns what restores it. */
export function awsEnvironment(values: Record<string, string>): () => void {
  const saved = new Map(READ_BY_THE_SDK.map((name) => [name, process.env[name]]));
  const home = mkdtempSync(join(tmpdir(), 'parapet-aws-env-'));
  for (const name of READ_BY_THE_SDK) delete process.env[name];
  Object.assign(process.env, { ...awsChildEnvironment(home), ...values });
  return () => {
    for (const [name, value] of saved) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    rmSync(home, { recursive: true, force: true });
  };
}
