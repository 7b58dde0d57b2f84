// What bench/cloud/loader.mjs times: the file reading the CLI does, and the AWS loader.
export { readInputFile } from '../../src/inputs/input-file.js';
export { loadAwsSecurityGroups } from '../../src/parsers/aws/load.js';
