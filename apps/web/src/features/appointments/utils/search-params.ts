/**
 * The booking and rescheduling steps keep their choices in the query string, so Back, reload
 * and a shared link all land on the same step. The reason for the visit is never put here:
 * addresses end up in history, logs and Referer headers.
 */

/** The choices that narrow the open times. */
export interface TimeSearch {
  providerId?: string;
  locationId?: string;
  /** The first day to look at, YYYY-MM-DD; today when absent. */
  from?: string;
}

/** The open time picked for review. */
export interface ChosenTime {
  startsAt: string;
  providerId: string;
  locationId: string;
}

function read(params: URLSearchParams, name: string): string | undefined {
  const value = params.get(name)?.trim();
  return value ? value : undefined;
}

export function readVisitTypeId(params: URLSearchParams): string | undefined {
  return read(params, 'visitTypeId');
}

export function readTimeSearch(params: URLSearchParams): TimeSearch {
  return {
    providerId: read(params, 'providerId'),
    locationId: read(params, 'locationId'),
    from: read(params, 'from'),
  };
}

export function readChosenTime(params: URLSearchParams): ChosenTime | null {
  const startsAt = read(params, 'startsAt');
  const providerId = read(params, 'slotProviderId');
  const locationId = read(params, 'slotLocationId');
  if (!startsAt || !providerId || !locationId || Number.isNaN(Date.parse(startsAt))) {
    return null;
  }
  return { startsAt, providerId, locationId };
}

/** A query string from the steps' choices, leaving out what is not chosen. */
export function stepSearch(choices: {
  visitTypeId?: string;
  search?: TimeSearch;
  chosen?: ChosenTime | null;
}): string {
  const params = new URLSearchParams();
  const set = (name: string, value: string | undefined) => {
    if (value) {
      params.set(name, value);
    }
  };
  set('visitTypeId', choices.visitTypeId);
  set('providerId', choices.search?.providerId);
  set('locationId', choices.search?.locationId);
  set('from', choices.search?.from);
  set('startsAt', choices.chosen?.startsAt);
  set('slotProviderId', choices.chosen?.providerId);
  set('slotLocationId', choices.chosen?.locationId);
  const text = params.toString();
  return text ? `?${text}` : '';
}
