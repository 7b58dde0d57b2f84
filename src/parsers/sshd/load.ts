import type { LoadInput } from '../../inputs/input-format.js';
import { hostView } from '../../inputs/host-view.js';
import { SshdEvaluation } from './effective.js';
import { hostEnvironment } from './host-environment.js';
import { buildSshdModel } from './model.js';
import { ConfigReader } from './reader.js';

/** sshd_config (and every file it includes) → the effective configuration model, as OpenSSH 9.2p1 reads it. */
export const loadSshdConfig: LoadInput = (file, context) => {
  const view = hostView(file.path, '/etc/ssh', context);
  const reader = new ConfigReader(ConfigReader.parse(file.path, file.text), (path) => context.readFile(path), view);
  const evaluation = new SshdEvaluation(reader, hostEnvironment(view));
  const model = buildSshdModel(file.path, evaluation, reader.files, reader.incomplete);
  // Lines sshd refuses are judged (model.invalid, reported by the sshd/invalid-config rule), so they are not problems;
  // an Include that could not be read is.
  return { models: [model], problems: reader.problems, consumed: reader.files.filter((path) => path !== file.path) };
};
