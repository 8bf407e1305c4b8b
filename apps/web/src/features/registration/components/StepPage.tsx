import { VisuallyHidden } from '@portal/ui';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Page } from '../../../components/Page';

export const STEP_COUNT = 3;

export interface StepPageProps {
  step: 1 | 2 | 3;
  /** The step's name; also the tab title (never the token, never personal details). */
  title: string;
  children: ReactNode;
}

/**
 * One registration step: "Step 2 of 3" above its heading (read together with it), and focus
 * moved to that heading when the step appears, so screen reader users hear where they are.
 * Give each step its own React key so the focus moves again on the next one.
 */
export function StepPage({ step, title, children }: StepPageProps) {
  const { t } = useTranslation();
  return (
    <Page
      title={title}
      autoFocus
      heading={
        <>
          <span className="registration__progress">
            {t('registration.progress', { step, total: STEP_COUNT })}
            <VisuallyHidden>: </VisuallyHidden>
          </span>
          {title}
        </>
      }
    >
      {children}
    </Page>
  );
}
