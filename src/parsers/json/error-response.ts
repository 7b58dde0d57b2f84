import { isObject } from './cloud-values.js';
import { errorText } from './quote.js';

/**
 * A cloud API error saved instead of the listing: AWS `{"Error": {"Code", "Message"}}` (and `{"Errors": [...]}`),
 * Azure ARM and GCP `{"error": {"code", "message"}}`. Returns "CODE: message", or undefined when the value is no error.
 */
export function cloudErrorOf(value: unknown): string | undefined {
  if (!isObject(value)) return undefined;
  const error = value.Error ?? value.error ?? firstOf(value.Errors) ?? firstOf(isObject(value.Response) ? value.Response.Errors : undefined);
  if (!isObject(error)) return undefined;
  const inner = isObject(error.Error) ? error.Error : error;
  const code = inner.Code ?? inner.code ?? inner.status;
  const message = inner.Message ?? inner.message;
  if (code === undefined && message === undefined) return undefined;
  return `${errorText(code ?? 'error')}: ${errorText(message ?? '(no message)')}`;
}

function firstOf(value: unknown): unknown {
  if (Array.isArray(value)) return value[0];
  if (isObject(value)) return value.Error ?? value;
  return undefined;
}
