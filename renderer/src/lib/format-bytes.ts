const UNITS = ['bytes', 'KB', 'MB', 'GB'] as const;

/** A human size with binary multiples: "512 bytes", "1.5 MB". */
export function formatBytes(size: number): string {
  let value = size;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  if (unit === 0) return `${size} ${size === 1 ? 'byte' : 'bytes'}`;
  const digits = value >= 100 ? 0 : 1;
  return `${value.toFixed(digits)} ${UNITS[unit]}`;
}

/** A count with thousands separators, fixed to en-US so screenshots and tests are stable. */
export function formatCount(count: number): string {
  return count.toLocaleString('en-US');
}

/** A count and its noun, singular for one: `1 entry`, `2 entries`, `1,200 versions`. */
export function countOf(count: number, singular: string, plural: string): string {
  return `${formatCount(count)} ${count === 1 ? singular : plural}`;
}
