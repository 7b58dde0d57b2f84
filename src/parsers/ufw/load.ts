// PLACEHOLDER — to be replaced by the ufw parser's owner.
import type { LoadInput } from '../../inputs/input-format.js';

export const loadUfw: LoadInput = (file) => ({
  models: [],
  problems: [{ id: 'input/unsupported', file: file.path, message: 'ufw input is not supported yet', level: 'error' }],
});
