import type { ProblemId } from '../../model/problem-kinds.js';
import type { IacUnknown, IacValue } from '../iac/value.js';
import type { TemplateScope } from './scope.js';

/** One instance of a copy loop: its name, whether it copies resources, its index (undefined: the count is unknown). */
export interface LoopFrame {
  name: string | undefined;
  resource: boolean;
  index: number | undefined;
  /** When the index is unknown: what the count depends on. */
  countDependsOn: string[];
}

/** Where an expression is evaluated: its template, the copy loops around it, the line of its string. */
export interface Evaluation {
  scope: TemplateScope;
  loops: readonly LoopFrame[];
  line: number;
  /** The variables of the lambdas around, by lower-case name (what `lambdaVariables('x')` reads). */
  lambdas?: ReadonlyMap<string, IacValue>;
}

/** An argument of a function call, evaluated when asked (if(), and(), or() and coalesce() read only what they need). */
export interface Argument {
  /** The argument as the expression writes it. */
  readonly text: string;
  value(): IacValue;
  /** When the argument is `lambda('x', …, body)`: its parameters, and its body evaluated with them bound to `values`. */
  readonly lambda?: { parameters: number; apply(values: IacValue[]): IacValue };
}

/** A function call being evaluated. */
export interface CallSite extends Evaluation {
  /** The function name as written. */
  name: string;
  /** The whole call as written (cut): what a value it cannot know depends on. */
  text: string;
  /** An unknown that depends on this call (resourceGroup(), reference(…), utcNow()). */
  unknownCall(resource?: string): IacUnknown;
  /** A call ARM would reject (wrong argument types or count): reported once, and an unknown. */
  invalid(reason: string): IacUnknown;
  report(id: ProblemId, message: string, level: 'error' | 'warning'): void;
}

export type ArmFunction = (args: Argument[], call: CallSite) => IacValue;
