import type { TokenCredential } from '@azure/identity';

/**
 * Longest wait for a developer tool's token (az, azd, PowerShell): they start a process, which on a loaded runner
 * takes seconds, but one that hangs (a login prompt) must not hold the sweep.
 */
const TOOL_TIMEOUT_MS = 30_000;

/**
 * DefaultAzureCredential, as `az login`, the azure/login action (environment or workload identity) and a managed
 * identity provide it. Its managed-identity probe of IMDS is already bounded (one request, 1 s, no retries, inside
 * the default chain) and the developer tools by `processTimeoutInMs`, so a runner without Azure fails fast with
 * every reason listed. With an endpoint of its own (an emulator, Azure Stack), the authority host
 * (AZURE_AUTHORITY_HOST) is not one Microsoft knows either, so it is not validated against login.microsoftonline.com.
 */
export async function defaultCredential(endpointUrl: string | undefined): Promise<TokenCredential> {
  const { DefaultAzureCredential } = await import('@azure/identity');
  return new DefaultAzureCredential({ processTimeoutInMs: TOOL_TIMEOUT_MS, disableInstanceDiscovery: endpointUrl !== undefined });
}
