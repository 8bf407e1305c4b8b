/** Every IANA zone this browser knows, grouped by area ("America", "Europe"), for a select. */
export function timeZoneGroups(): { area: string; zones: string[] }[] {
  const withList = Intl as typeof Intl & { supportedValuesOf?: (key: 'timeZone') => string[] };
  const zones = withList.supportedValuesOf?.('timeZone') ?? [];
  const groups = new Map<string, string[]>();
  for (const zone of zones.length > 0 ? zones : ['UTC']) {
    const area = zone.includes('/') ? (zone.split('/')[0] ?? zone) : zone;
    groups.set(area, [...(groups.get(area) ?? []), zone]);
  }
  return [...groups.entries()].map(([area, list]) => ({ area, zones: list }));
}

/** "America/North_Dakota/New_Salem" → "North Dakota / New Salem" within its area group. */
export function zoneLabel(zone: string): string {
  const rest = zone.includes('/') ? zone.slice(zone.indexOf('/') + 1) : zone;
  return rest.replaceAll('_', ' ').replaceAll('/', ' / ');
}
