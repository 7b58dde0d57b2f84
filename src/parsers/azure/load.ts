// PLACEHOLDER — to be replaced by the azure parser's owner.
import type { LoadInput } from '../../inputs/input-format.js';

export const loadAzureNsgs: LoadInput = (file) => ({
  models: [],
  problems: [{ id: 'input/unsupported', file: file.path, message: 'azure input is not supported yet', level: 'error' }],
});
