// PLACEHOLDER — replaced by the sshd evaluator's owner.
export function sshdEffective(file: string, _spec: Record<string, string>, _root?: string): { stdout: string; stderr: string; exitCode: number } {
  return { stdout: '', stderr: `${file}: sshd evaluation is not available yet\n`, exitCode: 2 };
}
