// The words of differentiated supervision (差异化执法监管).

/** Where a complaint came in: 12369 环保热线, 12345 政务热线, letters, visits, online, referred by another body. */
export const COMPLAINT_SOURCES = ['12369', '12345', 'letter', 'visit', 'online', 'referral'] as const;
export type ComplaintSource = (typeof COMPLAINT_SOURCES)[number];

export const COMPLAINT_OUTCOMES = ['pending', 'substantiated', 'unsubstantiated'] as const;
export type ComplaintOutcome = (typeof COMPLAINT_OUTCOMES)[number];

export const POSITIVE_LIST_STATUSES = ['proposed', 'approved', 'published', 'rejected', 'removed'] as const;
export type PositiveListStatus = (typeof POSITIVE_LIST_STATUSES)[number];
/** Statuses in which the enterprise is on the list (exempt from on-site inspection without cause). */
export const ON_POSITIVE_LIST: readonly PositiveListStatus[] = ['approved', 'published'];
