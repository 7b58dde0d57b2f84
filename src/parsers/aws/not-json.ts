import { headOf } from '../../inputs/input-file.js';
import type { InputProblem } from '../../model/problem.js';
import type { ProblemId } from '../../model/problem-kinds.js';
import { errorText } from '../json/quote.js';

/**
 * What people save instead of the JSON: the EC2 Query API's XML (a listing or an <Errors> response) and the
 * CLI's error line. Each gets its own message; undefined means "try it as JSON".
 */
export function notJsonProblem(file: string, text: string): InputProblem | undefined {
  const head = headOf(text).trimStart();
  const cliError = /^An error occurred \(([\w.]{1,100})\) when calling the (\w{1,100}) operation: ?([^\n]{0,500})/.exec(head);
  if (cliError) {
    return problem(file, 'aws/error-response', `the file is an AWS CLI error, not a listing (${errorText(cliError[1])}: ${errorText(cliError[3])}) — fix the credentials or permissions and export again`);
  }
  if (!head.startsWith('<')) return undefined;
  if (/<Errors>/.test(head)) {
    const code = /<Code>([^<]{0,200})<\/Code>/.exec(head)?.[1] ?? 'unknown code';
    const message = /<Message>([^<]{0,500})<\/Message>/.exec(head)?.[1] ?? '(no message)';
    return problem(file, 'aws/error-response', `the file is an AWS error response, not a listing (${errorText(code)}: ${errorText(message)}) — fix the credentials or permissions and export again`);
  }
  return problem(file, 'input/unsupported', 'EC2 Query API XML is not read — export with aws ec2 describe-security-groups --output json (or save the SDK v3 output as JSON)');
}

function problem(file: string, id: ProblemId, message: string): InputProblem {
  return { id, file, line: 1, level: 'error', message };
}
