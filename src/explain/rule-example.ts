/** A few lines of a rule's fixture, for `parapet explain`: the flagged (or matching) lines marked. */
export interface ExampleLines {
  /** The fixture file, relative to the repository. */
  file: string;
  lines: string[];
  /** Indexes into `lines` of the lines the rule flags (bad) or that set what it wants (good). */
  marked: number[];
}

/** A bad and a good example of one rule, taken from its fixtures (src/explain/fixture-examples.ts). */
export interface RuleExamples {
  bad?: ExampleLines;
  good?: ExampleLines;
}
