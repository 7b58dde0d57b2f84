import type { InputProblem } from '../../model/problem.js';
import type { IacResource } from './value.js';

/** What a front end (Terraform, plan, CloudFormation, ARM, Bicep) makes of its files: resources, and what kept parts from being read. */
export interface IacLoad {
  resources: IacResource[];
  /** Syntax errors ('iac/syntax', error), constructs not evaluated ('iac/unsupported', warning), … */
  problems: InputProblem[];
}
