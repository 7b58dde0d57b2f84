/**
 * Runs `run` with V8's stack traces off. A YAML library makes an Error of every problem it meets, and in a hostile
 * file of thousands of problems recording each stack costs more than the parse (a second a megabyte).
 */
export function withoutStacks<T>(run: () => T): T {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return run();
  } finally {
    Error.stackTraceLimit = limit;
  }
}
