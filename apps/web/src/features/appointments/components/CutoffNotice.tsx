import { Alert } from '@portal/ui';
import { Trans, useTranslation } from 'react-i18next';
import type { OpenSlot } from '../api';
import { telHref } from '../utils/contact';
import { hoursBetween } from '../utils/time';

export interface CutoffNoticeProps {
  /** A time inside the change cutoff (canChangeOnline false, from the API). */
  slot: Pick<OpenSlot, 'startsAt' | 'changeableUntil'>;
  location: { name: string; phone: string };
  /** "times marked …" above a list of times, or "this time" on the review step. */
  kind: 'list' | 'review';
}

/**
 * Said before booking, not after: a time this close can be booked, but then not changed or
 * cancelled online, only by calling the location. The hours come from the API's changeableUntil.
 */
export function CutoffNotice({ slot, location, kind }: CutoffNoticeProps) {
  const { t } = useTranslation();
  return (
    <Alert
      tone="warning"
      // A titled alert is a status region, so its title names it.
      announce={kind === 'review'}
      title={kind === 'review' ? t('appointments.cutoff.reviewTitle') : undefined}
    >
      <p>
        <Trans
          i18nKey={
            kind === 'review' ? 'appointments.cutoff.reviewBody' : 'appointments.cutoff.listBody'
          }
          count={hoursBetween(slot.changeableUntil, slot.startsAt)}
          values={{ location: location.name, phone: location.phone }}
          components={{ phone: <a href={telHref(location.phone)} /> }}
        />
      </p>
    </Alert>
  );
}
