// What bench/cloud/loader.mjs times: the AWS loader reading a file as the CLI does, and the rules judging what it reads.
export { openInputStream } from '../../src/inputs/input-stream.js';
export { loadAwsSecurityGroups } from '../../src/parsers/aws/load.js';
export { RuleRunner } from '../../src/engine/run-rules.js';
export { RULES } from '../../rules/index.js';
