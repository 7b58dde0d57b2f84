import { describe, expect, it } from 'vitest';
import { argvSplit, splitLines, tokenizeLine } from '../../src/parsers/sshd/tokenize.js';

const words = (line: string) => tokenizeLine(line, 1)?.args.map((token) => token.text);

describe('sshd_config tokenizer (strdelim + argv_split)', () => {
  it('splits keyword and value on whitespace or one "="', () => {
    expect(tokenizeLine('PermitRootLogin no', 1)?.keyword.text).toBe('PermitRootLogin');
    expect(words('PermitRootLogin=no')).toEqual(['no']);
    expect(words('PermitRootLogin = no')).toEqual(['no']);
    expect(words('PermitRootLogin\t=\tno')).toEqual(['no']);
    expect(words('Banner==x')).toEqual(['=x']);
    expect(words('SetEnv A=b C=d')).toEqual(['A=b', 'C=d']);
  });

  it('removes double and single quotes and resolves backslash escapes', () => {
    expect(words('ChrootDirectory "/srv/my jail"')).toEqual(['/srv/my jail']);
    expect(words("ChrootDirectory '/srv/my jail'")).toEqual(['/srv/my jail']);
    expect(words('ChrootDirectory /srv/my\\ jail')).toEqual(['/srv/my jail']);
    expect(words('X a"b c"d')).toEqual(['ab cd']);
    expect(words('X "it\\"s"')).toEqual(['it"s']);
    expect(words('X a\\qb')).toEqual(['a\\qb']);
  });

  it('ends the line at a token that starts with "#", keeps "#" inside a token', () => {
    expect(words('LogLevel VERBOSE # comment')).toEqual(['VERBOSE']);
    expect(words('AllowUsers a #b c')).toEqual(['a']);
    expect(words('Banner /etc/issue#1')).toEqual(['/etc/issue#1']);
    expect(words('AllowUsers "#a"')).toEqual(['#a']);
  });

  it('treats blank lines, comments and indented comments as nothing', () => {
    for (const line of ['', '   ', '# x', '\t# x', '#PermitRootLogin yes']) expect(tokenizeLine(line, 1)).toBeUndefined();
  });

  it('reports a keyword without argument and an unterminated quote', () => {
    expect(tokenizeLine('PasswordAuthentication', 1)?.error).toBe('no-argument');
    expect(tokenizeLine('PasswordAuthentication=', 1)?.error).toBe('no-argument');
    expect(tokenizeLine('PasswordAuthentication "no', 1)?.error).toBe('invalid-quotes');
    expect(argvSplit("'abc")).toBeUndefined();
  });

  it('keeps the column of every token and the raw rest of the line', () => {
    const line = tokenizeLine('  ForceCommand /usr/bin/foo\\ bar %u  # c', 7)!;
    expect(line.line).toBe(7);
    expect(line.keyword.column).toBe(3);
    expect(line.args.map((token) => token.column)).toEqual([16, 34]);
    expect(line.rest).toBe('/usr/bin/foo\\ bar %u  # c');
  });

  it('tolerates CRLF line ends, a trailing form feed and a UTF-8 BOM', () => {
    const lines = splitLines('\ufeffPort 22\r\nLogLevel INFO\f\r\n');
    expect(lines.map((line) => tokenizeLine(line, 1)?.args.map((token) => token.text))).toEqual([['22'], ['INFO'], undefined]);
    expect(tokenizeLine(lines[0], 1)?.keyword.text).toBe('Port');
  });

  it('stays fast on long hostile lines', () => {
    const started = Date.now();
    tokenizeLine(`AllowUsers ${'a\\'.repeat(200_000)} ${'"'.repeat(100_001)}`, 1);
    tokenizeLine(`X${'='.repeat(200_000)}`, 1);
    expect(Date.now() - started).toBeLessThan(2000);
  });
});
