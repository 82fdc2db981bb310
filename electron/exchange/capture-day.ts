/**
 * The calendar day a moment fell on in a time zone, as yyyy-MM-dd (the form Salesforce's and
 * HubSpot's importers read). Exports write a lead's capture day in its show's zone: a lead
 * scanned at 00:30 in Berlin was met that day, not the day before as UTC would say.
 */

const HOUR_MS = 3_600_000;

/** The zone's offset from UTC at `at` (ms since 1970), in ms, from what Intl says the wall clock shows there. */
function offsetAt(wallClock: Intl.DateTimeFormat, at: number): number {
  const part: Record<string, number> = {};
  for (const { type, value } of wallClock.formatToParts(at)) if (type !== 'literal') part[type] = Number(value);
  const shown = Date.UTC(part.year ?? 1970, (part.month ?? 1) - 1, part.day ?? 1, part.hour ?? 0, part.minute ?? 0, part.second ?? 0);
  return shown - (at - (((at % 1000) + 1000) % 1000));
}

/**
 * A function giving the day of a moment in a zone. Asking Intl for every lead was a tenth of a
 * 100,000-lead export, so the zone's offset is asked once per UTC hour (at both ends: where
 * they differ, a clock change falls inside that hour and each moment in it is asked for
 * itself), which gives exactly Intl's answer for every zone.
 */
export function dayInZone(): (at: Date, timeZone: string) => string {
  const wallClocks = new Map<string, Intl.DateTimeFormat>();
  const hourOffsets = new Map<string, number | null>();
  return (at, timeZone) => {
    let wallClock = wallClocks.get(timeZone);
    if (!wallClock) {
      wallClock = new Intl.DateTimeFormat('en-US', {
        timeZone,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      });
      wallClocks.set(timeZone, wallClock);
    }
    const ms = at.getTime();
    const hourStart = Math.floor(ms / HOUR_MS) * HOUR_MS;
    const key = `${timeZone} ${hourStart}`;
    let offset = hourOffsets.get(key);
    if (offset === undefined) {
      const atStart = offsetAt(wallClock, hourStart);
      offset = atStart === offsetAt(wallClock, hourStart + HOUR_MS - 1000) ? atStart : null;
      hourOffsets.set(key, offset);
    }
    return new Date(ms + (offset ?? offsetAt(wallClock, ms))).toISOString().slice(0, 10);
  };
}

/** The day of an ISO time in a zone, '' when the time does not parse. */
export function captureDay(dayIn: ReturnType<typeof dayInZone>, iso: string, timeZone: string): string {
  const at = new Date(iso);
  return Number.isNaN(at.getTime()) ? '' : dayIn(at, timeZone);
}
