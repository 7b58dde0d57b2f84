/**
 * Bicep source with its types written as the grammar (tree-sitter-bicep 1.1.0) reads them. It rejects a nullable type
 * that is not a built-in one (`param lock lockType?`, `param tags resourceInput<'…'>.tags?`), the typed
 * `resourceInput<…>`, and a nullable object type (`type lockType = { … }?`), which Azure Verified Modules write
 * everywhere. A parameter's type decides only how a value given with --parameter is read and whether the parameter may
 * be left out: such a type is written `object`, keeping its `?`. Type declarations decide nothing here: their `?` is
 * dropped. Every line stays where it was.
 */
const PARAMETER = /^([ \t]*param[ \t]+[A-Za-z_]\w*[ \t]+)([A-Za-z_][^=\n]*?)(\?)?([ \t]*(?:=[^\n]*|\/\/[^\n]*)?)$/gm;
const NULLABLE_OBJECT_TYPE = /^([ \t]*)\}\?(?=[ \t]*$)/gm;
const BUILT_IN = /^(?:string|int|bool|object|array|any)(?:\[\])*$/;

export function withReadableTypes(text: string): string {
  return text.replace(NULLABLE_OBJECT_TYPE, '$1} ').replace(PARAMETER, (line, start: string, type: string, nullable: string | undefined, rest: string) => {
    const trimmed = type.trim();
    if (BUILT_IN.test(trimmed) || (!nullable && !trimmed.includes('<'))) return line;
    return `${start}${trimmed.endsWith('[]') ? 'array' : 'object'}${nullable ?? ''}${rest}`;
  });
}
