import type { Citation } from '../../../src/law/outcome';

export type Step = 'listed' | 'proposed' | 'comment' | 'hearing' | 'experts' | 'risk' | 'review-submitted' | 'reviewed' | 'discussed'
  | 'decided' | 'published' | 'archived' | 'evaluated';
export type ActionName = 'propose' | 'comment' | 'hearing' | 'experts' | 'risk' | 'review-submit' | 'review' | 'discuss' | 'decide'
  | 'publish' | 'archive' | 'evaluate';
export interface ActionState { name: ActionName; allowed: boolean; refusal?: { code: string; citation?: Citation } }

export interface ItemSummary {
  id: number; catalogueId: number; title: string; department: string; step: Step;
  plannedHearing: boolean; plannedExperts: boolean; plannedRisk: boolean;
  proposedOn: string | null; decidedOn: string | null; publishedOn: string | null;
}
export interface Catalogue {
  id: number; year: number; status: 'draft' | 'approved' | 'published'; approvedOn: string | null; publishedOn: string | null; items: ItemSummary[];
}
export interface Comment { id: number; authorName: string | null; content: string; submittedOn: string; answer: string | null; answeredOn: string | null }
export interface Opinion { name: string; isHead: boolean; stance: 'agree' | 'disagree' | 'abstain'; text: string }
export interface DecisionDetail extends ItemSummary {
  draftText: string | null; commentStartOn: string | null; commentEndOn: string | null; commentShortenedReason: string | null;
  hearingOn: string | null; hearingSummary: string | null; expertsOn: string | null; expertsOpinion: string | null;
  riskOn: string | null; riskLevel: string | null; riskReport: string | null;
  reviewSubmittedOn: string | null; reviewCompletedOn: string | null; reviewPassed: boolean | null; reviewerOpinion: string | null; counselOpinion: string | null;
  discussedOn: string | null; meetingKind: 'party_group' | 'director_office' | null; attendees: string[] | null; opinions: Opinion[] | null;
  conclusion: 'adopt' | 'reject' | null; departureReason: string | null; decisionText: string | null; publicationChannel: string | null;
  archivedOn: string | null; archiveReference: string | null; evaluatedOn: string | null; evaluationText: string | null;
  catalogue: { id: number; year: number; status: string }; comments: Comment[];
  timeline: { step: Step; on: string | null; done: boolean }[]; actions: ActionState[]; todayOn: string;
}
export interface PublicDraft {
  id: number; title: string; department: string; commentStartOn: string; commentEndOn: string; open: boolean; publishedOn: string | null;
}
export interface PublicDraftDetail extends PublicDraft {
  draftText: string | null; shortenedReason: string | null; received: number;
  comments: { id: number; content: string; submittedOn: string; answer: string | null; answeredOn: string | null }[];
  decision: { publishedOn: string; text: string | null } | null;
}
