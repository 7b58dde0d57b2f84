/**
 * Stand-in for @actions/core's OIDC client, bundled in its place (build.mjs): the Action asks for no token, and the
 * real one would bundle an HTTP client the size of everything else together, loaded at every start.
 */
export class OidcClient {
  static async getIDToken(): Promise<string> {
    throw new Error('Parapet asks for no OIDC token');
  }
}
