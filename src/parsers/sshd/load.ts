import type { LoadInput } from '../../inputs/input-format.js';
import { SshdEvaluation } from './effective.js';
import { machineEnvironment } from './machine.js';
import { buildSshdModel } from './model.js';
import { ConfigReader } from './reader.js';

/** sshd_config (and every file it includes) → the effective configuration model, as OpenSSH 9.2p1 reads it. */
export const loadSshdConfig: LoadInput = (file, context) => {
  const reader = new ConfigReader(ConfigReader.parse(file.path, file.text), (path) => context.readFile(path), context.root ?? '');
  const evaluation = new SshdEvaluation(reader, machineEnvironment());
  const model = buildSshdModel(file.path, evaluation, reader.files);
  // Lines sshd refuses are judged (model.invalid, reported by the sshd/invalid-config rule), so they are not problems;
  // an Include that could not be read is.
  return { models: [model], problems: reader.problems, consumed: reader.files.filter((path) => path !== file.path) };
};
