// Every assessment rule, in the baseline's order.
import { aad1Rules } from './aad-1-legacy-authentication.js';
import { aad2Rules } from './aad-2-risk.js';
import { aad3Rules, aad4Rules } from './aad-3-strong-authentication.js';
import { aad5Rules } from './aad-5-applications.js';
import { aad6Rules } from './aad-6-passwords.js';
import { aad7Rules } from './aad-7-privileged-access.js';
import { aad8Rules } from './aad-8-guests.js';
import { hubRules } from './hub-rules.js';
import type { AssessmentRule } from './rule.js';

export const ASSESSMENT_RULES: readonly AssessmentRule[] = [
  ...aad1Rules,
  ...aad2Rules,
  ...aad3Rules,
  ...aad4Rules,
  ...aad5Rules,
  ...aad6Rules,
  ...aad7Rules,
  ...aad8Rules,
  ...hubRules,
];

export type { AssessmentRule, RuleOutcome, RuleSeverity, Verdict } from './rule.js';
export { parseAssessmentConfig, type AssessmentConfig } from './assessment-config.js';
