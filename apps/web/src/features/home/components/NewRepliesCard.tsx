import { useTranslation } from 'react-i18next';
import { MESSAGES_PATH } from '../../../lib/navigation';
import { $api } from '../../../lib/api-queries';
import { CountCard } from './CountCard';

/** "You have 1 conversation with a new reply", or none; no subjects, no names. */
export function NewRepliesCard({ patientId }: { patientId: string }) {
  const { t } = useTranslation();
  const counts = $api.useQuery(
    'get',
    '/api/v1/patients/{patientId}/message-counts',
    { params: { path: { patientId } } },
    { select: (answer) => answer.unreadConversations },
  );
  return (
    <CountCard
      id="home-new-replies"
      to={MESSAGES_PATH}
      count={counts.data}
      isError={counts.isError}
      text={{
        title: t('home.messages.title'),
        some: (count) => t('home.messages.body', { count }),
        none: t('home.messages.none'),
        failed: t('home.messages.failed'),
        loading: t('home.messages.loading'),
        link: t('home.messages.link'),
      }}
    />
  );
}
