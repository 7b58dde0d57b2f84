import type { CollectionTag, ScalarTag } from 'yaml';

/** The YAML short forms of CloudFormation's intrinsic functions, and the long form each one stands for. */
const FUNCTIONS = [
  'Base64', 'Cidr', 'FindInMap', 'GetAtt', 'GetAZs', 'ImportValue', 'Join', 'Select', 'Split', 'Sub', 'Transform',
  'And', 'Equals', 'If', 'Not', 'Or',
  // AWS::LanguageExtensions and the Rules section: known, so that they read as constructs not evaluated, not as typos.
  'Length', 'ToJsonString', 'Contains', 'EachMemberEquals', 'EachMemberIn', 'RefAll', 'ValueOf', 'ValueOfAll',
];

export const LONG_FORM: ReadonlyMap<string, string> = new Map([
  ['!Ref', 'Ref'],
  ['!Condition', 'Condition'],
  ...FUNCTIONS.map((name): [string, string] => [`!${name}`, `Fn::${name}`]),
]);

/** Each short form on a scalar, a sequence or a mapping, kept as the node it tags: the tag is read when converting. */
export const SHORT_FORM_TAGS: Array<ScalarTag | CollectionTag> = [...LONG_FORM.keys()].flatMap((tag): Array<ScalarTag | CollectionTag> => [
  { tag, resolve: (text) => text },
  { tag, collection: 'seq', resolve: (collection) => collection },
  { tag, collection: 'map', resolve: (collection) => collection },
]);
