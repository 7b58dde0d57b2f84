// PLACEHOLDER — to be replaced by the aws parser's owner.
import type { LoadInput } from '../../inputs/input-format.js';

export const loadAwsSecurityGroups: LoadInput = (file) => ({
  models: [],
  problems: [{ id: 'input/unsupported', file: file.path, message: 'aws input is not supported yet', level: 'error' }],
});
