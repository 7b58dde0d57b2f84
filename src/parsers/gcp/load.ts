// PLACEHOLDER — to be replaced by the gcp parser's owner.
import type { LoadInput } from '../../inputs/input-format.js';

export const loadGcpFirewalls: LoadInput = (file) => ({
  models: [],
  problems: [{ id: 'input/unsupported', file: file.path, message: 'gcp input is not supported yet', level: 'error' }],
});
