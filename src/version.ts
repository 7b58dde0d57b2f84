declare const PARAPET_VERSION: string | undefined;

/** Set by the bundler from package.json; source runs (tests) see the development marker. */
export const VERSION: string = typeof PARAPET_VERSION === 'string' ? PARAPET_VERSION : '0.0.0-dev';
