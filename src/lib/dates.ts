/** Dates as the chapter's facts and citations write them: ISO 8601 calendar dates. */

export interface PartialDate {
  y: number;
  /** 1–12, when the month is given. */
  m?: number;
  /** 1–31, when the day is given. */
  d?: number;
}

/** Reads YYYY-MM-DD, YYYY-MM or YYYY; undefined unless it is a real calendar date (2026-02-30 is not). */
export function parsePartialDate(value: string): PartialDate | undefined {
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value);
  if (!match) return undefined;
  const [y, m, d] = [
    Number(match[1]),
    match[2] ? Number(match[2]) : undefined,
    match[3] ? Number(match[3]) : undefined,
  ];
  if (m !== undefined && (m < 1 || m > 12)) return undefined;
  if (d !== undefined) {
    const date = new Date(Date.UTC(y, m! - 1, d));
    if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m! - 1 || date.getUTCDate() !== d)
      return undefined;
  }
  return { y, ...(m !== undefined ? { m } : {}), ...(d !== undefined ? { d } : {}) };
}

/** Checks a YYYY-MM-DD date is a real calendar day (2026-02-30 is not). */
export function checkDate(value: string, field: string): Required<PartialDate> {
  const date = parsePartialDate(value);
  if (!date || date.d === undefined)
    throw new Error(`${field}: "${value}" is not a calendar date in the form YYYY-MM-DD`);
  return date as Required<PartialDate>;
}

/** Checks a YYYY-MM-DD, YYYY-MM or YYYY date. */
export function checkPartialDate(value: string, field: string): PartialDate {
  const date = parsePartialDate(value);
  if (!date)
    throw new Error(
      `${field}: "${value}" is not a calendar date in the form YYYY-MM-DD, YYYY-MM or YYYY`,
    );
  return date;
}

/**
 * The calendar day (YYYY-MM-DD) of a moment given in seconds since the epoch, at a fixed offset
 * from UTC in minutes: the same on every machine, whatever its own time zone.
 */
export function calendarDay(seconds: number, offsetMinutes: number): string {
  return new Date((seconds + offsetMinutes * 60) * 1000).toISOString().slice(0, 10);
}
