import { Button, LoadingState, Skeleton } from '@portal/ui';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ActionMessage } from '../../../components/ActionMessage';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { Page } from '../../../components/Page';
import '../../../components/sections.css';
import { Time } from '../../../components/Time';
import { useCanUse } from '../../../lib/access';
import { $api } from '../../../lib/api';
import { usePolicyChange, type ReleasePolicy } from '../api/results-review';

type Mode = ReleasePolicy['items'][number]['mode'];
const MODES: readonly Mode[] = ['immediate', 'review'];

/** How each category of result reaches patients: at once, or after a provider's review. */
export function ReleasePolicyPage() {
  const { t } = useTranslation();
  const policy = $api.useQuery('get', '/api/v1/results/release-policy');
  // Administrators only.
  const update = $api.useMutation('put', '/api/v1/results/release-policy', usePolicyChange());
  const canEdit = useCanUse('resultsPolicyEdit');
  const [choices, setChoices] = useState<Record<string, Mode>>({});
  const [saved, setSaved] = useState(0);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!policy.data || update.isPending) return;
    try {
      await update.mutateAsync({
        body: {
          items: policy.data.items.map((item) => ({
            category: item.category,
            mode: choices[item.category] ?? item.mode,
          })),
        },
      });
      setChoices({});
      setSaved((n) => n + 1);
    } catch {
      // Explained below the form.
    }
  };

  return (
    <Page title={t('resultsReview.policy.title')}>
      <p>{t('resultsReview.policy.cures')}</p>
      {saved > 0 ? (
        <ActionMessage focusKey={saved}>{t('resultsReview.policy.saved')}</ActionMessage>
      ) : null}
      {policy.isPending ? (
        <LoadingState label={t('resultsReview.policy.loading')}>
          <Skeleton height="6rem" />
        </LoadingState>
      ) : policy.isError ? (
        <ApiErrorAlert error={policy.error} onRetry={() => void policy.refetch()} />
      ) : (
        <form
          noValidate
          onSubmit={(event) => void submit(event)}
          aria-label={t('resultsReview.policy.title')}
        >
          {policy.data.items.map((item) => {
            const current = choices[item.category] ?? item.mode;
            const name = t(`resultsReview.policy.categories.${item.category}`);
            return (
              <fieldset key={item.category} className="admin-fieldset" disabled={!canEdit}>
                <legend>{name}</legend>
                {MODES.map((mode) => (
                  <label key={mode} className="admin-check">
                    <input
                      type="radio"
                      name={`mode-${item.category}`}
                      value={mode}
                      checked={current === mode}
                      onChange={() =>
                        setChoices((previous) => ({ ...previous, [item.category]: mode }))
                      }
                    />{' '}
                    {t(`resultsReview.policy.modes.${mode}`)}
                  </label>
                ))}
                <p className="admin-muted">
                  {t('resultsReview.policy.changed')} <Time value={item.updatedAt} />
                </p>
              </fieldset>
            );
          })}
          {update.error ? <ApiErrorAlert error={update.error} /> : null}
          {canEdit ? (
            <div className="ui-actions">
              <Button type="submit" busy={update.isPending}>
                {update.isPending ? t('sections.saving') : t('resultsReview.policy.save')}
              </Button>
            </div>
          ) : (
            <p>{t('resultsReview.policy.readOnly')}</p>
          )}
        </form>
      )}
    </Page>
  );
}
