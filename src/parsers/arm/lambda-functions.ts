import { scalar, type IacValue } from '../iac/value.js';
import type { Argument, ArmFunction, CallSite } from './call-site.js';
import { arity, builtList } from './function-helpers.js';
import { mergedUnknown } from './values.js';

/**
 * The lambda functions templates (and Bicep) build lists with: `map()` and `filter()` over a list, with
 * `lambdaVariables()` reading the lambda's parameters. A lambda stands only as their argument.
 */
export const LAMBDA_FUNCTIONS: Record<string, ArmFunction> = {
  map: (args, call) => overItems(args, call, (items, apply) => builtList(items.map((item, index) => apply(item, index)), call)),
  filter: (args, call) =>
    overItems(args, call, (items, apply) => {
      const kept: IacValue[] = [];
      const unknowns: IacValue[] = [];
      items.forEach((item, index) => {
        const keep = apply(item, index);
        if (keep.kind === 'unknown') unknowns.push(keep);
        else if (keep.kind === 'scalar' && keep.value === true) kept.push(item);
      });
      // Which items an unknown condition keeps is unknown: so is the list.
      return unknowns.length > 0 ? mergedUnknown(call.line, unknowns) : builtList(kept, call);
    }),
  lambdavariables: (args, call) => {
    const invalid = arity(args, call, 1);
    if (invalid) return invalid;
    const name = args[0].value();
    const bound = name.kind === 'scalar' && typeof name.value === 'string' ? call.lambdas?.get(name.value.toLowerCase()) : undefined;
    return bound ?? call.invalid('names no parameter of a lambda around it');
  },
  lambda: (_args, call) => call.invalid('stands only as the argument of map() or filter()'),
};

function overItems(args: Argument[], call: CallSite, body: (items: IacValue[], apply: (item: IacValue, index: number) => IacValue) => IacValue): IacValue {
  const invalid = arity(args, call, 2);
  if (invalid) return invalid;
  const [array, lambda] = args;
  if (!lambda.lambda || lambda.lambda.parameters > 2) return call.invalid('takes a list and a lambda of one or two parameters');
  const items = array.value();
  if (items.kind === 'unknown') return mergedUnknown(call.line, [items]);
  if (items.kind !== 'list') return call.invalid('the first argument is not a list');
  const apply = lambda.lambda.apply;
  return body(items.items, (item, index) => apply([item, scalar(index, call.line)]));
}
