/** An ISO time as local `YYYY-MM-DD HH:MM:SS`; the input unchanged when it is not a date. */
export function formatTime(iso: string | null): string {
  if (iso === null) return 'unknown time';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString('sv-SE');
}
