/** Stand-in for @actions/exec, bundled in its place (build.mjs): only @actions/core's platform details run programs, and the Action asks for none (it runs npm itself, for a sweep's SDK: cloud-sdks.ts). */
export async function getExecOutput(): Promise<never> {
  throw new Error('Parapet runs no program');
}
