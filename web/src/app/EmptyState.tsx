import type { ReactNode } from 'react';
import { Empty } from 'antd';

export interface EmptyStateProps {
  /** What the list is missing and what to do next (an i18n string). */
  description: string;
  /** Optional next-step control, e.g. a button to the create or import action. */
  action?: ReactNode;
}

/** Shared empty state: says why nothing is shown and what to do next. */
export function EmptyState({ description, action }: EmptyStateProps) {
  return (
    <Empty data-testid="empty-state" image={Empty.PRESENTED_IMAGE_SIMPLE} description={description}>
      {action}
    </Empty>
  );
}
