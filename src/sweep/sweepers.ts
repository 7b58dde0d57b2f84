import type { Cloud, CloudSweeper, SweepOptions } from './cloud-sweeper.js';

/** Each cloud's sweeper, imported only when that cloud is swept: its SDK is loaded by nothing else. */
export async function sweeperFor(cloud: Cloud, options: SweepOptions): Promise<CloudSweeper> {
  switch (cloud) {
    case 'aws':
      return (await import('./aws/sweeper.js')).awsSweeper(options);
    case 'azure':
      return (await import('./azure/sweeper.js')).azureSweeper(options);
    case 'gcp':
      return (await import('./gcp/sweeper.js')).gcpSweeper(options);
  }
}
