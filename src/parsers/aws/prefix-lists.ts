import type { InputProblem } from '../../model/problem.js';
import type { NetworkAsset } from '../../network/model.js';

const SHOWN = 5;

/**
 * One warning naming the prefix lists the rules refer to: their entries are not in a security group export, so
 * whether they hold public addresses is unknown — the rules judge them as such, and the user should know why.
 */
export function prefixListWarning(file: string, assets: NetworkAsset[]): InputProblem | undefined {
  const seen = new Map<string, number>();
  for (const asset of assets) {
    for (const rule of asset.rules) {
      for (const remote of rule.remote) {
        if (remote.kind === 'symbol' && remote.public === 'unknown' && !seen.has(remote.name)) seen.set(remote.name, rule.location.line);
      }
    }
  }
  if (seen.size === 0) return undefined;
  const names = [...seen.keys()];
  const listed = names.slice(0, SHOWN).join(', ') + (names.length > SHOWN ? ` and ${names.length - SHOWN} more` : '');
  return {
    id: 'aws/prefix-list-unresolved',
    file,
    line: seen.values().next().value,
    level: 'warning',
    message: `rules refer to prefix lists whose entries this export does not show (${listed}) — their addresses are treated as unknown, possibly public; check them with aws ec2 get-managed-prefix-list-entries`,
  };
}
