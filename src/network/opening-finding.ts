import type { Asset } from '../model/asset.js';
import type { RuleFinding } from '../model/finding.js';
import type { SourceLocation } from '../model/location.js';
import type { NetworkAsset } from './model.js';
import type { Opening } from './openings.js';

/** The words of a finding about one opening of an asset. */
export type OpeningMessage = (asset: NetworkAsset, opening: Opening) => string;

/**
 * A finding about an opening whose message is put together only when it is read: a scan of a large estate keeps the
 * few thousand most severe of its findings, and reads only their messages.
 */
export class OpeningFinding implements RuleFinding {
  readonly location: SourceLocation;
  readonly asset: Asset;
  readonly key: string;

  constructor(
    private readonly network: NetworkAsset,
    private readonly opening: Opening,
    private readonly compose: OpeningMessage,
  ) {
    this.location = opening.location;
    this.asset = network.asset;
    this.key = opening.key;
  }

  get message(): string {
    return this.compose(this.network, this.opening);
  }
}
