import { armTemplate } from '../arm/template.js';
import { loadTemplate } from './load-template.js';

export const loadArm = loadTemplate(armTemplate);
