// What other capabilities may import from normative-documents: the routes and the year's figures
// (the rule-of-law report; Table 二 of the disclosure annual report: 本年制发 / 本年废止 / 现行有效).
export { normativeDocumentRoutes } from './routes.js';
export { normativeDocumentYearFigures, type NormativeYearFigures } from './actions.js';
export {
  documentList, createDraft, assessDocument, startComment, closeComment, submitForReview, recordReviewOpinion, recordDeliberation, issueDocument,
  publishDocument, fileDocument, type DraftInput,
} from './actions.js';
export type { DocumentAction, DraftingLevel } from './rules.js';
export { seedNormativeDocumentsDemo } from './demo.js';
