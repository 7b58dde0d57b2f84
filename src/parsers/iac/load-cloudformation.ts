import { cloudFormationTemplate } from '../cloudformation/template.js';
import { loadTemplate } from './load-template.js';

export const loadCloudFormation = loadTemplate(cloudFormationTemplate);
