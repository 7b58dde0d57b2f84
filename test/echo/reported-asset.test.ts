import { describe, expect, it } from 'vitest';
import { reportedAsset, type Asset } from '../../src/model/asset.js';

describe('the asset as reports carry it', () => {
  it('keeps an ordinary asset as it is', () => {
    const asset: Asset = { kind: 'aws-security-group', id: 'arn:aws:ec2:eu-west-1:123456789012:security-group/sg-0abc', name: 'bastion', account: '123456789012', region: 'eu-west-1' };
    expect(reportedAsset(asset)).toBe(asset);
  });

  it('bounds and escapes what an export may fill with anything, and hides a credential in the name', () => {
    const token = `ghp_${'a1B2'.repeat(10)}`;
    const asset: Asset = { kind: 'aws-security-group', id: `sg-${'x'.repeat(100_000)}`, name: token, account: `\u202e${'9'.repeat(1000)}`, region: 'eu-west-1' };
    const shown = reportedAsset(asset);
    expect(shown.id.length).toBeLessThanOrEqual(512);
    expect(shown.account!.length).toBeLessThanOrEqual(128);
    expect(shown.account).not.toContain('\u202e');
    expect(shown.name).not.toContain(token);
    expect(shown.region).toBe('eu-west-1');
    expect(asset.id.length).toBe(100_003);
  });
});
