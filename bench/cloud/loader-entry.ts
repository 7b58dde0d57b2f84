// What bench/cloud/loader.mjs times: the AWS loader reading a file as the CLI does.
export { openInputStream } from '../../src/inputs/input-stream.js';
export { loadAwsSecurityGroups } from '../../src/parsers/aws/load.js';
