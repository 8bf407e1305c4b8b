import { LoadingState, Skeleton } from '@portal/ui';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { Page } from '../../../components/Page';
import { flashState } from '../../../lib/flash';

/** A list of clinic settings with entries to add, edit and deactivate. */
export type CatalogSection =
  'locations' | 'providers' | 'visitTypes' | 'carePools' | 'replyTemplates';
type Section = CatalogSection;

/** Back to the list, which says what was done (the flash message takes focus there). */
export function useBackWithMessage(listPath: string) {
  const navigate = useNavigate();
  return (message: string) => navigate(listPath, { flushSync: true, state: flashState(message) });
}

/** The form page while what it edits is loading. */
export function CatalogFormLoading({ title, section }: { title: string; section: Section }) {
  const { t } = useTranslation();
  return (
    <Page title={title}>
      <LoadingState label={t(`clinicSettings.${section}.loading`)}>
        <Skeleton height="2.5rem" />
        <Skeleton height="8rem" />
      </LoadingState>
    </Page>
  );
}

export interface CatalogFormMissingProps {
  title: string;
  section: Section;
  listPath: string;
  /** Why it failed; without one, the entry is not there. */
  error?: unknown;
  /** Offered with the error for a failed load. */
  onRetry?: () => void;
}

/** The form page when what it needs failed to load or is not there, with a way back. */
export function CatalogFormMissing({
  title,
  section,
  listPath,
  error,
  onRetry,
}: CatalogFormMissingProps) {
  const { t } = useTranslation();
  let problem: ReactNode = <p>{t(`clinicSettings.${section}.notFound`)}</p>;
  if (error) problem = <ApiErrorAlert error={error} onRetry={onRetry} />;
  return (
    <Page title={title}>
      {problem}
      <p>
        <Link to={listPath}>{t('clinicSettings.backToSettings')}</Link>
      </p>
    </Page>
  );
}

export interface CatalogEntryUnavailableProps extends Omit<
  CatalogFormMissingProps,
  'error' | 'onRetry'
> {
  /** The list the entry is looked up in. */
  query: { isPending: boolean; error: unknown; refetch: () => unknown };
}

/** The edit page while its entry is loading, failed to load, or is not in the list. */
export function CatalogEntryUnavailable({ query, ...page }: CatalogEntryUnavailableProps) {
  if (query.isPending) return <CatalogFormLoading title={page.title} section={page.section} />;
  return <CatalogFormMissing {...page} error={query.error} onRetry={() => void query.refetch()} />;
}

/** Sends an edit only when something changed. */
export async function sendChanges<B extends object>(
  body: B,
  send: (body: B) => Promise<unknown>,
): Promise<void> {
  if (Object.keys(body).length > 0) await send(body);
}
