/**
 * Bicep source with its types written as the grammar (tree-sitter-bicep 1.1.0) reads them. It rejects a nullable type
 * that is not a built-in one (`param lock lockType?`, `param tags resourceInput<'…'>.tags?`), the typed
 * `resourceInput<…>`, and a nullable object type (`type lockType = { … }?`), which Azure Verified Modules write
 * everywhere. A parameter's type decides only how a value given with --parameter is read and whether the parameter may
 * be left out: such a type is written `object`, keeping its `?`. Type declarations decide nothing here: their `?` is
 * dropped. Every line stays where it was.
 */
const PARAMETER = /^([ \t]*param[ \t]+[A-Za-z_]\w*[ \t]+)([^\r\n]*)$/gm;
const NULLABLE_OBJECT_TYPE = /^([ \t]*)\}\?(?=[ \t]*$)/gm;
const BUILT_IN = /^(?:string|int|bool|object|array|any)(?:\[\])*$/;

export function withReadableTypes(text: string): string {
  return text.replace(NULLABLE_OBJECT_TYPE, '$1} ').replace(PARAMETER, (line, start: string, declared: string) => {
    // The type runs to the default (`=`) or a comment (`//`), whichever comes first; a `?` may end it.
    const ends = [declared.indexOf('='), declared.indexOf('//')].filter((index) => index >= 0);
    const cut = ends.length > 0 ? Math.min(...ends) : declared.length;
    const written = declared.slice(0, cut).trimEnd();
    if (!/^[A-Za-z_]/.test(written)) return line;
    const nullable = written.endsWith('?');
    const type = (nullable ? written.slice(0, -1) : written).trim();
    if (BUILT_IN.test(type) || (!nullable && !type.includes('<'))) return line;
    return `${start}${type.endsWith('[]') ? 'array' : 'object'}${nullable ? '?' : ''}${declared.slice(written.length)}`;
  });
}
