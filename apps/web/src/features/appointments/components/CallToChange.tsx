import { Alert } from '@portal/ui';
import { useEffect, useRef } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import type { Appointment } from '../api';
import { hoursBetween } from '../utils/time';
import { telHref } from '../utils/contact';

export interface CallToChangeProps {
  appointment: Pick<Appointment, 'startsAt' | 'changeableUntil' | 'location'>;
  /** Shown where the change form would be, so it is announced; false when part of the page. */
  announce?: boolean;
  /** Move focus here when it appears (a change was just refused for being too late). */
  takeFocus?: boolean;
}

/**
 * Inside the cutoff a visit can't be changed online: say why, and how to change it instead.
 * The number of hours comes from the API (changeableUntil), never from a constant here.
 */
export function CallToChange({
  appointment,
  announce = false,
  takeFocus = false,
}: CallToChangeProps) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  const { location } = appointment;

  useEffect(() => {
    if (takeFocus) {
      ref.current?.focus();
    }
  }, [takeFocus]);

  return (
    <div ref={ref} tabIndex={-1} className="confirmation">
      <Alert tone="warning" title={t('appointments.cutoff.title')} announce={announce}>
        <p>
          <Trans
            i18nKey="appointments.cutoff.body"
            count={hoursBetween(appointment.changeableUntil, appointment.startsAt)}
            values={{ location: location.name, phone: location.phone }}
            components={{ phone: <a href={telHref(location.phone)} /> }}
          />
        </p>
      </Alert>
    </div>
  );
}
