export { CATEGORIES } from './categories.js';
export type { Category, Lang } from './categories.js';
export { termsHash } from './hash.js';
export { getTerms, listTerms } from './registry.js';
export { termsForFamily, termsForModel } from './family.js';
export { detectModel, type ModelFacts } from './detect.js';
export type { TermsResolution } from './family.js';
export type { ArticleRef, ProhibitedUse, TermsSet, TermsText, TextLang, TextRole } from './types.js';
