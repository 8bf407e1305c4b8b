import { useTranslation } from 'react-i18next';
import { Page } from '../../../components/Page';
import '../../../components/sections.css';
import { useCanUse } from '../../../lib/access';
import { useCurrentSession } from '../../../lib/session';
import {
  GrantsToReview,
  InvitationsToResend,
  MessagesWaiting,
  RefillsWaiting,
  ResultsWaiting,
} from '../components/QueueBlocks';
import { TodaySchedule } from '../components/TodaySchedule';
import '../home.css';

/**
 * The worklist for the signed-in role, from the session's permissions: today's schedule for
 * those who work it, results waiting for review, invitations to send again and emergency
 * accesses to review, and messages waiting in the inbox. The account's details are in My account.
 */
export function HomePage() {
  const { t } = useTranslation();
  const { user } = useCurrentSession();
  const schedule = useCanUse('schedule');
  const results = useCanUse('resultsReview');
  const invitations = useCanUse('invitations');
  const grants = useCanUse('emergencyAccessReview');
  const messages = useCanUse('inbox');
  const refills = useCanUse('refills');
  const any = schedule || results || refills || invitations || grants || messages;

  return (
    <Page title={t('home.title')} heading={t('home.greeting', { name: user.displayName })}>
      {any ? (
        <div className="home-worklist">
          {schedule ? <TodaySchedule /> : null}
          {messages ? <MessagesWaiting /> : null}
          {results ? <ResultsWaiting /> : null}
          {refills ? <RefillsWaiting /> : null}
          {invitations ? <InvitationsToResend /> : null}
          {grants ? <GrantsToReview /> : null}
        </div>
      ) : (
        <p>{user.roles.length === 0 ? t('home.noRoles') : t('home.nothing')}</p>
      )}
    </Page>
  );
}
