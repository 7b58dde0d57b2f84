import { readFileSync } from 'node:fs';
import ajvDraft04 from 'ajv-draft-04';
import ajvFormats from 'ajv-formats';

// Both packages are CommonJS with `exports.default`; under NodeNext the default import is the module object.
const Ajv = ajvDraft04.default;
const addFormats = ajvFormats.default;

const schemaPath = new URL('../schemas/sarif-schema-2.1.0.json', import.meta.url);

let compiled: ReturnType<InstanceType<typeof Ajv>['compile']> | undefined;

/** Validates a SARIF log against the official OASIS 2.1.0 schema (JSON Schema draft-04). Returns the errors. */
export function sarifSchemaErrors(log: unknown): string[] {
  if (!compiled) {
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats(ajv);
    compiled = ajv.compile(JSON.parse(readFileSync(schemaPath, 'utf8')));
  }
  const validate = compiled;
  return validate(log) ? [] : (validate.errors ?? []).map((error: { instancePath: string; message?: string }) => `${error.instancePath} ${error.message}`);
}
