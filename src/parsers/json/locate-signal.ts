/** States of the shared cell through which the locating thread says it is done (see locate-soon.ts). */
export const LOCATING = 0;
export const LOCATED = 1;
export const LOCATE_FAILED = 2;
