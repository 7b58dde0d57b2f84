/** Bounds on what a hostile template can make Parapet do. Real templates stay far below each of them. */

/** JSON nesting of the template file (a real template nests about 10 levels). */
export const MAX_JSON_DEPTH = 64;
/** Nesting of one expression: function calls, property accesses and indexes inside each other. */
export const MAX_EXPRESSION_DEPTH = 32;
/** Characters of one expression. */
export const MAX_EXPRESSION_LENGTH = 64 * 1024;
/** Instances of one copy loop (resource, property or variable copy). */
export const MAX_COPY_COUNT = 1000;
/** Items of a list or characters of a text an expression builds (range, concat of lists, replace, format). */
export const MAX_LIST_LENGTH = 10_000;
export const MAX_TEXT_LENGTH = 1024 * 1024;
/** Values one template file may produce beyond twice the values it holds: copy loops nested in copy loops stop here. */
export const MAX_VALUES = 200_000;
/** Variables and parameters whose evaluation waits on each other's (a chain of variables reading variables); with the nesting of
 * JSON and expressions inside each, this keeps the evaluation well within the stack. */
export const MAX_REFERENCE_DEPTH = 32;
/**
 * Values and expressions being evaluated inside each other, counted across variables that read variables: what bounds
 * the evaluation's stack whatever the template's shape (about 1,500 overflowed Node's default stack in a test).
 */
export const MAX_EVALUATION_DEPTH = 500;
/** Nested deployments with inline templates inside each other. */
export const MAX_DEPLOYMENT_DEPTH = 5;
/** Characters of an expression kept as the text of what an unknown value depends on. */
export const MAX_DEPENDS_ON_TEXT = 200;
