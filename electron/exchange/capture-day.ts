/**
 * The calendar day a moment fell on in a time zone, as yyyy-MM-dd (the form Salesforce's and
 * HubSpot's importers read). Exports write a lead's capture day in its show's zone: a lead
 * scanned at 00:30 in Berlin was met that day, not the day before as UTC would say.
 */

/** A function giving the day of a moment in a zone; keeps one Intl formatter per zone (making one costs far more than using it). */
export function dayInZone(): (at: Date, timeZone: string) => string {
  const formats = new Map<string, Intl.DateTimeFormat>();
  return (at, timeZone) => {
    let format = formats.get(timeZone);
    if (!format) {
      // en-CA writes dates as yyyy-MM-dd.
      format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
      formats.set(timeZone, format);
    }
    return format.format(at);
  };
}

/** The day of an ISO time in a zone, '' when the time does not parse. */
export function captureDay(dayIn: ReturnType<typeof dayInZone>, iso: string, timeZone: string): string {
  const at = new Date(iso);
  return Number.isNaN(at.getTime()) ? '' : dayIn(at, timeZone);
}
