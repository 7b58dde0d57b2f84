// PLACEHOLDER — to be replaced by the netsh parser's owner.
import type { LoadInput } from '../../inputs/input-format.js';

export const loadWindowsFirewall: LoadInput = (file) => ({
  models: [],
  problems: [{ id: 'input/unsupported', file: file.path, message: 'netsh input is not supported yet', level: 'error' }],
});
