import { addDays, isDate, startOfWeek } from '@portal/ui';

/** Whose schedule is shown. */
export type ScheduleSubject = { kind: 'provider' | 'location'; id: string };
export type CalendarView = 'day' | 'week';
/** A location's day: a grid across its providers, or the list (the accessible alternative). */
export type DayLayout = 'grid' | 'list';

/** What the address says (?provider= or ?location=, ?view=, ?date=, ?cancelled=1, ?layout=list). */
export interface ScheduleParams {
  subject: ScheduleSubject | null;
  view: CalendarView;
  date: string | null;
  includeCancelled: boolean;
  layout: DayLayout;
}

export function readScheduleParams(params: URLSearchParams): ScheduleParams {
  const provider = params.get('provider');
  const location = params.get('location');
  const date = params.get('date');
  return {
    subject: provider
      ? { kind: 'provider', id: provider }
      : location
        ? { kind: 'location', id: location }
        : null,
    view: params.get('view') === 'week' ? 'week' : 'day',
    date: date && isDate(date) ? date : null,
    includeCancelled: params.get('cancelled') === '1',
    layout: params.get('layout') === 'list' ? 'list' : 'grid',
  };
}

export function scheduleSearch(values: {
  subject: ScheduleSubject;
  view: CalendarView;
  date: string;
  includeCancelled: boolean;
  layout?: DayLayout;
}): string {
  const next = new URLSearchParams();
  next.set(values.subject.kind, values.subject.id);
  next.set('view', values.view);
  next.set('date', values.date);
  if (values.includeCancelled) next.set('cancelled', '1');
  if (values.layout === 'list') next.set('layout', 'list');
  return next.toString();
}

/** The days a view shows: the date itself, or the Monday-to-Sunday week it falls in. */
export function daysShown(view: CalendarView, date: string): string[] {
  if (view === 'day') return [date];
  const monday = startOfWeek(date);
  return Array.from({ length: 7 }, (_, index) => addDays(monday, index));
}

/** The date the previous/next buttons go to: a day or a week away. */
export function stepDate(view: CalendarView, date: string, direction: 1 | -1): string {
  return addDays(date, direction * (view === 'week' ? 7 : 1));
}
