import type { InstancesClient } from '@google-cloud/compute/build/src/v1/instances_client.js';
import type { GoogleAuth } from 'google-auth-library';
import { endpointOptions, PAGE_SIZE, pageCallOptions, type GcpRetrySettings } from './firewalls-client.js';

/** What a firewall rule's reach is judged on, of one instance of the project. */
export interface ProjectInstance {
  name: string;
  selfLink: string;
  /** The networks of its network interfaces, as full URLs. */
  networks: string[];
  tags: string[];
  /** The emails of the service accounts it runs as. */
  serviceAccounts: string[];
  /** RUNNING, TERMINATED, …: kept for the record; a stopped instance is reached again when it starts. */
  status: string;
}

/**
 * The Compute instances client, loaded only now and from its own module (as the firewalls client is), in REST fallback
 * mode with the same endpoint and the same GoogleAuth: both clients share one access token.
 */
export async function instancesClient(endpointUrl: string | undefined, auth: GoogleAuth): Promise<InstancesClient> {
  const { InstancesClient } = await import('@google-cloud/compute/build/src/v1/instances_client.js');
  return new InstancesClient({ fallback: true, auth, ...endpointOptions(endpointUrl) });
}

/**
 * Every instance of the project, in every zone: the aggregated list, followed page by page to the end with the
 * SDK's retries of one page. Throws the SDK's error when a page cannot be read after them.
 */
export async function listInstances(client: InstancesClient, project: string, retry: GcpRetrySettings): Promise<ProjectInstance[]> {
  const instances: ProjectInstance[] = [];
  // Without returnPartialSuccess a zone that cannot be read fails the listing: a partial list would claim "no instance".
  for await (const [, scoped] of client.aggregatedListAsync({ project, maxResults: PAGE_SIZE }, pageCallOptions(retry))) {
    for (const instance of scoped.instances ?? []) instances.push(projectInstance(instance));
  }
  return instances;
}

interface DecodedInstance {
  name?: string | null;
  selfLink?: string | null;
  status?: string | null;
  tags?: { items?: string[] | null } | null;
  networkInterfaces?: { network?: string | null }[] | null;
  serviceAccounts?: { email?: string | null }[] | null;
}

function projectInstance(instance: DecodedInstance): ProjectInstance {
  return {
    name: instance.name ?? '',
    selfLink: instance.selfLink ?? '',
    networks: present((instance.networkInterfaces ?? []).map((networkInterface) => networkInterface.network)),
    tags: present(instance.tags?.items ?? []),
    serviceAccounts: present((instance.serviceAccounts ?? []).map((account) => account.email)),
    status: instance.status ?? '',
  };
}

function present(values: readonly (string | null | undefined)[]): string[] {
  return values.filter((value): value is string => typeof value === 'string' && value !== '');
}
