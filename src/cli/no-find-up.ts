/**
 * Stands in for `escalade/sync` inside the bundle (see build.mjs). yargs uses it to search the working directory and
 * every directory above it for a package.json to guess a version from; Parapet names its version itself, and the
 * working directory is often the tree being scanned, which Parapet reads only as an input.
 */
export default function findUp(): undefined {
  return undefined;
}
