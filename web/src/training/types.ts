export type QuestionKind = 'single' | 'multiple' | 'true_false';
export type Counts = Record<QuestionKind, number>;

export interface Exam {
  id: number;
  title: string;
  opensOn: string;
  closesOn: string;
  timeLimitMinutes: number;
  passPercent: number;
  counts: Counts;
  enrolledRoles: string[];
  createdAt: string;
}

export interface ExamListItem extends Exam {
  enrolled: boolean;
  enrolledCount: number;
  satCount: number;
  open: boolean;
  mySittingId: number | null;
}

export interface PaperQuestion {
  id: number;
  kind: QuestionKind;
  stem: string;
  options: string[];
  law: string;
  article: string;
  topic: string;
  /** Only once submitted. */
  answer?: number[];
  given?: number[];
  correct?: boolean;
}

export interface Sitting {
  id: number;
  examId: number;
  startedAt: string;
  submittedAt: string | null;
  deadlineAt: string;
  questions: PaperQuestion[];
  result: { correct: number; total: number; scorePercent: number; passed: boolean } | null;
}

export interface ExamDetail {
  exam: Exam;
  enrolled: boolean;
  sitting: Sitting | null;
  actions: { start: boolean; results: boolean };
}

export interface UnitFigures { unit: string; enrolled: number; sat: number; passed: number; coverage: number | null; passRate: number | null }

export interface Candidate {
  userId: number;
  displayName: string;
  unit: string;
  submittedAt: string | null;
  correct: number | null;
  total: number | null;
  scorePercent: number | null;
  passed: boolean;
  submitted: boolean;
}

export interface ExamResults { exam: Exam; overall: UnitFigures; byUnit: UnitFigures[]; candidates: Candidate[] }

export interface ExamInput {
  title: string;
  opensOn: string;
  closesOn: string;
  timeLimitMinutes: number;
  passPercent: number;
  counts: Counts;
  enrolRoles?: string[];
  reason?: string | null;
}

export interface LapsedOfficer {
  userId: number;
  displayName: string;
  credentialNo: string;
  unit: string;
  lastPassedAt: string | null;
}

// —— 学法, 普法, 以案释法, year figures ——
export type StudyKind = 'leadership_group' | 'collective' | 'pre_meeting' | 'lecture';
export const STUDY_KINDS: StudyKind[] = ['leadership_group', 'collective', 'pre_meeting', 'lecture'];
export type AudienceKind = 'enterprise' | 'community' | 'school' | 'agency' | 'village' | 'unit';
export const AUDIENCE_KINDS: AudienceKind[] = ['enterprise', 'community', 'school', 'agency', 'village', 'unit'];

export interface StudySession {
  id: number; kind: StudyKind; topic: string; heldOn: string; hostId: number; hostName: string; materials: string[]; minutes: string;
  attendance: number; attendees: { userId: number; displayName: string; unit: string }[];
}
export interface StudyFigures { sessions: number; perKind: Record<StudyKind, number>; attendances: number; attendanceByUnit: { unit: string; attendances: number }[] }
export interface StudySessionInput { kind: StudyKind; topic: string; heldOn: string; hostId: number; attendeeIds: number[]; materials: string[]; minutes: string }

export interface Plan { id: number; year: number; title: string }
export interface PlanItem { id: number; planId: number; departmentId: number; departmentName: string; content: string; responsiblePerson: string; dueOn: string; doneOn: string | null; activities: number }
export interface Activity {
  id: number; itemId: number; itemContent: string; departmentName: string; title: string; heldOn: string; place: string; audience: AudienceKind;
  materialsGiven: number; attendance: number; photos: string[];
}
export interface ActivityTotals { activities: number; materialsGiven: number; attendance: number }
export interface PopularisationYear {
  plan: Plan | null; items: PlanItem[]; activities: Activity[]; canManage: boolean;
  progress: { overall: { items: number; done: number; overdue: number } };
  figures: { overall: ActivityTotals; byDepartment: (ActivityTotals & { department: string })[]; byAudience: (ActivityTotals & { audience: AudienceKind })[] };
}
export interface ItemInput { departmentId: number; content: string; responsiblePerson: string; dueOn: string }
export interface ActivityInput { itemId: number; title: string; heldOn: string; place: string; audience: AudienceKind; materialsGiven: number; attendance: number; photos: string[] }

export type TypicalCaseStatus = 'draft' | 'submitted' | 'returned' | 'published';
export interface TypicalCase {
  id: number; caseId: number; caseNumber?: string; districtName?: string; draftedByName?: string; title: string; facts: string; analysis: string; lesson: string;
  status: TypicalCaseStatus; returnReason: string | null; publishedAt: string | null; updatedAt: string;
  actions: { edit: boolean; submit: boolean; approve: boolean; return: boolean };
}

export interface YearFigures {
  year: number;
  exams: { count: number; overall: UnitFigures; byUnit: UnitFigures[] };
  study: StudyFigures;
  popularisation: PopularisationYear['figures'] & { items: { overall: { items: number; done: number; overdue: number } } };
  typicalCasesPublished: number;
  lapsed: { count: number };
}
