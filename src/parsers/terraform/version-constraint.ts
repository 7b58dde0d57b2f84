import { quoted } from '../../model/quote.js';

/** A module version as Terraform compares them: major, minor, patch (a pre-release suffix is ignored). */
type Version = [number, number, number];

/**
 * The majors of `majors` a module call's `version` constraint admits some version of (`~> 5.0`, `>= 4.0, < 6`,
 * `5.1.2`), newest first, as `terraform init` fetches the newest version a registry offers; undefined when the
 * constraint cannot be read. Each major is tried at its first and a late version, and at every version the constraint
 * names.
 */
export function admittedMajors(constraint: string, majors: readonly number[]): number[] | undefined {
  const parts = constraint.split(',').map((part) => part.trim());
  const conditions = parts.map(condition);
  if (conditions.some((each) => each === undefined)) return undefined;
  const named = parts.map((part) => /(\d+)(?:\.(\d+))?(?:\.(\d+))?/.exec(part)!).map((match): Version => [Number(match[1]), Number(match[2] ?? 0), Number(match[3] ?? 0)]);
  const admits = (version: Version) => conditions.every((each) => each!(version));
  return [...majors]
    .sort((a, b) => b - a)
    .filter((major) => [[major, 0, 0] as Version, [major, 9999, 9999] as Version, ...named.filter((version) => version[0] === major)].some(admits));
}

/**
 * The major a call fetches: the newest of `majors` when it names no version, else the newest its constraint admits;
 * why not, when the constraint cannot be read or admits none of them.
 */
export function fetchedMajor(constraint: string | undefined, majors: readonly number[]): number | { unsupported: string } {
  const major = constraint === undefined ? majors.at(-1) : admittedMajors(constraint, majors)?.[0];
  return major ?? { unsupported: `Parapet does not know which version ${quoted(constraint ?? '', 60)} is` };
}

function condition(text: string): ((version: Version) => boolean) | undefined {
  const match = /^(=|!=|>=|<=|>|<|~>)?\s*v?(\d{1,6})(?:\.(\d{1,6}))?(?:\.(\d{1,6}))?(?:-[\w.]+)?$/.exec(text);
  if (!match) return undefined;
  const [, operator = '=', major, minor, patch] = match;
  const bound: Version = [Number(major), Number(minor ?? 0), Number(patch ?? 0)];
  switch (operator) {
    case '=':
      return (version) => compare(version, bound) === 0;
    case '!=':
      return (version) => compare(version, bound) !== 0;
    case '>':
      return (version) => compare(version, bound) > 0;
    case '>=':
      return (version) => compare(version, bound) >= 0;
    case '<':
      return (version) => compare(version, bound) < 0;
    case '<=':
      return (version) => compare(version, bound) <= 0;
    default: {
      // Only the last part given may grow: `~> 5.1` admits later 5.x, `~> 5.1.2` later 5.1.x, and `~> 5` any
      // later version at all (go-version's reading, which Terraform's module constraints use).
      if (minor === undefined) return (version) => compare(version, bound) >= 0;
      const upper: Version = patch === undefined ? [bound[0] + 1, 0, 0] : [bound[0], bound[1] + 1, 0];
      return (version) => compare(version, bound) >= 0 && compare(version, upper) < 0;
    }
  }
}

function compare(a: Version, b: Version): number {
  return a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
}
