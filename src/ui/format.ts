// Dutch number and date formatting in one place.
const numberFormat = new Intl.NumberFormat('nl-NL');
const dateTimeFormat = new Intl.DateTimeFormat('nl-NL', {
  dateStyle: 'medium',
  timeStyle: 'short',
});

export const formatNumber = (n: number): string => numberFormat.format(n);
export const formatDateTime = (iso: string): string => dateTimeFormat.format(new Date(iso));
export { formatBytes } from '../io/limits';
