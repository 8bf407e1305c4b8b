import { VisuallyHidden } from '@portal/ui';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { RoleNames } from '../../../components/RoleNames';
import { StatusBadge, type BadgeTone } from '../../../components/StatusBadge';
import { TableScroll } from '../../../components/TableScroll';
import { Time } from '../../../components/Time';
import { patientPath } from '../../../lib/paths';
import type { AuditEvent, AuditOutcome } from '../api/audit-log';

const CAPTION_ID = 'audit-caption';

const OUTCOME_TONES: Record<AuditOutcome, BadgeTone> = {
  success: 'success',
  failure: 'error',
  denied: 'warning',
};

const KNOWN_REASONS = [
  'not_own_patient',
  'role',
  'not_found',
  'forbidden',
  'care_relationship_required',
] as const;
type KnownReason = (typeof KNOWN_REASONS)[number];

function isKnownReason(reason: string): reason is KnownReason {
  return (KNOWN_REASONS as readonly string[]).includes(reason);
}

/** Why a denied or failed event happened, in words when it is one of the door's reasons. */
function Reason({ event }: { event: AuditEvent }) {
  const { t } = useTranslation();
  if (!event.reason && !event.route) return null;
  return (
    <>
      {event.reason ? (
        <>
          <br />
          {isKnownReason(event.reason) ? (
            t(`audit.reason.${event.reason}`)
          ) : (
            <span className="admin-mono">{event.reason}</span>
          )}
        </>
      ) : null}
      {event.route ? (
        <>
          <br />
          <span className="admin-mono admin-muted">{event.route}</span>
        </>
      ) : null}
    </>
  );
}

/** The first block of a UUID: enough to tell rows apart; the whole id is in the title. */
function shortId(id: string): string {
  return id.split('-')[0] ?? id;
}

function Actor({ event, filterLink }: { event: AuditEvent; filterLink: FilterLink }) {
  const { t } = useTranslation();
  const actor = event.actor;
  if (!actor) {
    return <span className="admin-muted">{t('audit.table.nobody')}</span>;
  }
  const name =
    actor.displayName ?? t('audit.table.unnamedAccount', { id: shortId(actor.accountId) });
  return (
    <>
      {name}
      <br />
      <span className="admin-muted">
        {actor.kind === 'patient' ? (
          t('audit.table.patientAccount')
        ) : (
          <RoleNames roles={actor.roles} />
        )}
      </span>
      <br />
      <Link to={filterLink('actorAccountId', actor.accountId)}>
        {t('audit.table.onlyThis')}
        <VisuallyHidden>{t('audit.table.onlyActor', { name })}</VisuallyHidden>
      </Link>
    </>
  );
}

/** The address of this list narrowed to one actor or one patient. */
export type FilterLink = (field: 'actorAccountId' | 'patientId', value: string) => string;

export interface AuditTableProps {
  caption: string;
  events: AuditEvent[];
  filterLink: FilterLink;
}

/**
 * Audit events, newest first: when, who, what, about which patient and resource, outcome (with
 * why and the route, for refusals), IP.
 */
export function AuditTable({ caption, events, filterLink }: AuditTableProps) {
  const { t } = useTranslation();
  return (
    <TableScroll captionId={CAPTION_ID}>
      <table className="admin-table">
        <caption id={CAPTION_ID}>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('audit.table.time')}</th>
            <th scope="col">{t('audit.table.actor')}</th>
            <th scope="col">{t('audit.table.action')}</th>
            <th scope="col">{t('audit.table.patient')}</th>
            <th scope="col">{t('audit.table.resource')}</th>
            <th scope="col">{t('audit.table.outcome')}</th>
            <th scope="col">{t('audit.table.ip')}</th>
          </tr>
        </thead>
        <tbody>
          {events.map((event) => (
            <tr key={event.id}>
              <th scope="row" className="admin-nowrap">
                <Time value={event.occurredAt} />
              </th>
              <td>
                <Actor event={event} filterLink={filterLink} />
              </td>
              <td className="admin-mono">{event.action}</td>
              <td>
                {event.patientId ? (
                  <>
                    <Link to={patientPath(event.patientId)} title={event.patientId}>
                      <VisuallyHidden>{t('audit.table.patientRecord')} </VisuallyHidden>
                      <span className="admin-mono">{shortId(event.patientId)}</span>
                    </Link>
                    <br />
                    <Link to={filterLink('patientId', event.patientId)}>
                      {t('audit.table.onlyThis')}
                      <VisuallyHidden>{t('audit.table.onlyPatient')}</VisuallyHidden>
                    </Link>
                  </>
                ) : (
                  <span className="admin-muted">{t('sections.none')}</span>
                )}
              </td>
              <td>
                {event.resourceType ? (
                  <>
                    {event.resourceType}
                    {event.resourceId ? (
                      <>
                        {' '}
                        <span className="admin-mono" title={event.resourceId}>
                          {shortId(event.resourceId)}
                        </span>
                      </>
                    ) : null}
                  </>
                ) : (
                  <span className="admin-muted">{t('sections.none')}</span>
                )}
              </td>
              <td>
                <StatusBadge tone={OUTCOME_TONES[event.outcome]}>
                  {t(`audit.outcome.${event.outcome}`)}
                </StatusBadge>
                <Reason event={event} />
              </td>
              <td className="admin-mono">
                {event.ip ?? <span className="admin-muted">{t('sections.none')}</span>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
