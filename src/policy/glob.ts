/**
 * A glob as a regular expression over a whole string: `**` any characters including `/`, `*` any characters but `/`,
 * `?` one character but `/`; everything else literal. Paths are matched with `/` separators; asset ids (ARNs) as they
 * are, where `*` stops at `/` too (`arn:aws:ec2:*:*:security-group/*`).
 */
export function globPattern(glob: string): RegExp {
  let source = '';
  for (let index = 0; index < glob.length; index++) {
    const character = glob[index];
    if (character === '*' && glob[index + 1] === '*') {
      // `dir/**/x` also matches `dir/x`.
      if (glob[index + 2] === '/') {
        source += '(?:.*/)?';
        index += 2;
      } else {
        source += '.*';
        index++;
      }
    } else if (character === '*') source += '[^/]*';
    else if (character === '?') source += '[^/]';
    else source += character.replace(/[\\^$.|+()[\]{}]/g, '\\$&');
  }
  return new RegExp(`^${source}$`, 's');
}
