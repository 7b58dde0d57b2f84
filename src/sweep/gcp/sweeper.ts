import type { CloudSweeper, SweepNote, SweepOptions, SweepTarget } from '../cloud-sweeper.js';
import { SweepFailure } from '../cloud-sweeper.js';
import { shown } from '../../model/quote.js';
import { restFirewall } from './firewall-item.js';
import { governingPolicies, policyClients } from './firewall-policies.js';
import { targetInstances } from './firewall-targets.js';
import { DEFAULT_RETRY, firewallsClient, PAGE_SIZE, pageCallOptions, type GcpRetrySettings } from './firewalls-client.js';
import { describeGoogleError, listingFailure, tokenFailure } from './google-error.js';
import { instancesClient, listInstances, type ProjectInstance } from './instances.js';

/**
 * The projects whose firewall rules a GCP sweep reads: those named with --projects, else the one GOOGLE_CLOUD_PROJECT
 * (or GCLOUD_PROJECT) names — which google-github-actions/auth sets — since listing every project the identity can see
 * needs Resource Manager rights a firewall audit should not ask for.
 */
export function projectsToSweep(options: SweepOptions, env: NodeJS.ProcessEnv = process.env): string[] {
  const named = (options.projects ?? []).map((project) => project.trim()).filter(Boolean);
  const fromEnv = env.GOOGLE_CLOUD_PROJECT?.trim() || env.GCLOUD_PROJECT?.trim();
  return [...new Set(named.length > 0 ? named : fromEnv ? [fromEnv] : [])];
}

export function gcpTarget(project: string): SweepTarget {
  // Legacy project ids hold a domain ("example.com:proj"): the id is a file name, so only safe characters stay.
  return { id: `gcp-${project.replace(/[^A-Za-z0-9._-]/g, '_')}`, label: `GCP project ${shown(project, 100)}` };
}

/**
 * Reads GCP firewall rules through @google-cloud/compute with Application Default Credentials. `retry` is for tests
 * that must see the retries end quickly; a sweep uses DEFAULT_RETRY.
 */
export async function gcpSweeper(options: SweepOptions, retry: GcpRetrySettings = DEFAULT_RETRY): Promise<CloudSweeper> {
  const projects = projectsToSweep(options);
  const projectOf = new Map(projects.map((project) => [gcpTarget(project).id, project]));
  let connection: ReturnType<typeof firewallsClient> | undefined;
  const connect = () => (connection ??= firewallsClient(options.endpointUrl, projects));
  let instancesConnection: ReturnType<typeof instancesClient> | undefined;
  const connectInstances = () => (instancesConnection ??= connect().then(({ auth }) => instancesClient(options.endpointUrl, auth)));
  let policiesConnection: ReturnType<typeof policyClients> | undefined;
  const connectPolicies = () => (policiesConnection ??= connect().then(({ auth }) => policyClients(options.endpointUrl, auth)));

  /** The firewall policies that govern the project's networks, or none (and a note) when they cannot be listed. */
  const policiesOf = async (project: string, note: SweepNote): Promise<unknown[]> => {
    try {
      return await governingPolicies(await connectPolicies(), project, retry);
    } catch (error) {
      note(`whether firewall policies govern its networks is unknown: listing them failed — ${describeGoogleError(error).text}; a policy's allow rules are judged by no finding, and the networks may be open where nothing is reported`, 'sweep/not-modelled');
      return [];
    }
  };

  /** The project's instances, or undefined (and a note) when they cannot be listed: then what each rule reaches is unknown. */
  const instancesOf = async (project: string, note: (message: string) => void): Promise<ProjectInstance[] | undefined> => {
    try {
      return await listInstances(await connectInstances(), project, retry);
    } catch (error) {
      note(`what its firewall rules reach is unknown: listing its instances failed — ${describeGoogleError(error).text}; the rules were judged, but no finding can say which instances they expose, and none is reported unused`);
      return undefined;
    }
  };

  return {
    cloud: 'gcp',
    async targets() {
      if (projects.length > 0) return { targets: projects.map(gcpTarget), failures: [] };
      const failure = new SweepFailure('no GCP project to read: name them with --projects a,b (or set GOOGLE_CLOUD_PROJECT)', 'unreadable');
      return { targets: [], failures: [{ label: 'GCP projects', failure }] };
    },
    async *pages(target, note) {
      const project = projectOf.get(target.id);
      if (project === undefined) throw new SweepFailure(`${target.label}: not a project of this sweep`, 'unreadable');
      const { client, auth } = await connect();
      try {
        // The token first, so that a refused identity is told apart from a project that cannot be read. It is cached:
        // concurrent targets share one token request.
        await auth.getRequestHeaders();
      } catch (error) {
        throw tokenFailure(target.label, error);
      }
      // Memory: the project's instances (a few short strings each) are held while its firewall pages stream through.
      const instances = await instancesOf(project, note);
      const withTargets = (firewall: unknown) =>
        instances === undefined ? firewall : { ...(firewall as Record<string, unknown>), targetInstances: targetInstances(firewall, instances) };
      const callOptions = pageCallOptions(retry);
      let request: { project: string; maxResults: number; pageToken?: string } | null = { project, maxResults: PAGE_SIZE };
      while (request) {
        let page;
        try {
          page = await client.list(request, callOptions);
        } catch (error) {
          throw listingFailure(target.label, error);
        }
        const [items, next]: [unknown[], { pageToken?: string | null } | null, unknown] = page;
        yield items.map((item) => withTargets(restFirewall(item)));
        request = next?.pageToken ? { project, maxResults: PAGE_SIZE, pageToken: next.pageToken } : null;
      }
      const policies = await policiesOf(project, note);
      if (policies.length > 0) yield policies;
    },
  };
}
