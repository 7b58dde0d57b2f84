// PLACEHOLDER — to be replaced by the sshd parser's owner.
import type { LoadInput } from '../../inputs/input-format.js';

export const loadSshdConfig: LoadInput = (file) => ({
  models: [],
  problems: [{ id: 'input/unsupported', file: file.path, message: 'sshd input is not supported yet', level: 'error' }],
});
