import type { ArmFunction } from './call-site.js';
import { COLLECTION_FUNCTIONS } from './collection-functions.js';
import { DEPLOYMENT_FUNCTIONS } from './deployment-functions.js';
import { LAMBDA_FUNCTIONS } from './lambda-functions.js';
import { LOGIC_FUNCTIONS } from './logic-functions.js';
import { TEXT_FUNCTIONS } from './text-functions.js';

/** The ARM template functions Parapet evaluates, by lower-case name. A Map, so that names such as __proto__ find nothing. */
export const ARM_FUNCTIONS: ReadonlyMap<string, ArmFunction> = new Map(
  Object.entries({ ...TEXT_FUNCTIONS, ...COLLECTION_FUNCTIONS, ...LOGIC_FUNCTIONS, ...DEPLOYMENT_FUNCTIONS, ...LAMBDA_FUNCTIONS }),
);
