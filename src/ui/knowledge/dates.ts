// Dates as people type and read them here: "30-11-2026", "maart 2017", "2012".
const MONTHS = new Intl.DateTimeFormat('nl-NL', { month: 'long' });
const monthName = (month: number) => MONTHS.format(new Date(2000, month - 1, 1));

/** "2021-03-01" -> "1 maart 2021", "2017-03" -> "maart 2017", "2012" -> "2012". */
export function formatSince(since: string | undefined): string {
  if (!since) return '';
  const [year, month, day] = since.split('-').map(Number);
  if (month === undefined) return String(year);
  if (day === undefined) return `${monthName(month)} ${year}`;
  return `${day} ${monthName(month)} ${year}`;
}

/**
 * A date typed the Dutch way ("30-11-2026", "30/11/2026", "11-2026") as the
 * exchange format's ISO date. Anything else is passed on unchanged, so the
 * schema can say what is wrong with it.
 */
export function parseSince(text: string): string {
  const value = text.trim();
  const pad = (n: string) => n.padStart(2, '0');
  const dmy = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(value);
  if (dmy) return `${dmy[3]}-${pad(dmy[2]!)}-${pad(dmy[1]!)}`;
  const my = /^(\d{1,2})[-/.](\d{4})$/.exec(value);
  if (my) return `${my[2]}-${pad(my[1]!)}`;
  return value;
}
