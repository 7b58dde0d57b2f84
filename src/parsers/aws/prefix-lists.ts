import type { InputProblem } from '../../model/problem.js';
import { shown } from '../../model/quote.js';
import type { NetworkAsset } from '../../network/model.js';

const SHOWN = 5;

/**
 * The prefix lists an export's rules refer to. Their entries are not in a security group export, so whether they
 * hold public addresses is unknown: the rules judge them as such, and one warning tells the user why.
 */
export class PrefixLists {
  /** Name → the line of the first rule that uses it. */
  private readonly seen = new Map<string, number>();

  note(asset: NetworkAsset): void {
    for (const rule of asset.rules) {
      for (const remote of rule.remote) {
        if (remote.kind === 'symbol' && remote.public === 'unknown' && !this.seen.has(remote.name)) this.seen.set(remote.name, rule.location.line);
      }
    }
  }

  warning(file: string): InputProblem | undefined {
    if (this.seen.size === 0) return undefined;
    const names = [...this.seen.keys()];
    const listed = names.slice(0, SHOWN).map((name) => shown(name, 64)).join(', ') + (names.length > SHOWN ? ` and ${names.length - SHOWN} more` : '');
    return {
      id: 'aws/prefix-list-unresolved',
      file,
      line: this.seen.values().next().value,
      level: 'warning',
      message: `rules refer to prefix lists whose entries this export does not show (${listed}) — their addresses are treated as unknown, possibly public; check them with aws ec2 get-managed-prefix-list-entries`,
    };
  }
}
