/** Numbers, sizes and times written the way a locale writes them. */
export interface LocaleFormats {
  locale: string;
  /** A count with the locale's grouping: `1,234,567`. */
  count: (value: number) => string;
  /** A size in binary multiples: `512 bytes` / `512字节`, `1.5 MB`. */
  bytes: (size: number) => string;
  /** An ISO time as local date and time (24-hour); the input unchanged when it is not a date. */
  time: (iso: string) => string;
  /** Whole seconds as the two largest units: `45 sec`, `12 min 5 sec`, `2 hr 3 min` / `12分钟5秒`. */
  duration: (seconds: number) => string;
  /** A time taken: `120 ms` below a second, `1.5 sec` below a minute, else as `duration`. */
  elapsed: (ms: number) => string;
}

const MULTIPLES = ['KB', 'MB', 'GB'] as const;

/**
 * Builds the formatters of one locale. English keeps the unambiguous `YYYY-MM-DD HH:MM:SS` operators
 * read in logs (en-US's month-first dates are easy to misread at 3 a.m.); other locales use their own
 * order (zh-CN: `2026/12/03 05:34:47`).
 */
export function localeFormats(locale: string): LocaleFormats {
  const numbers = new Intl.NumberFormat(locale);
  const fraction = new Intl.NumberFormat(locale, { maximumFractionDigits: 1, minimumFractionDigits: 1 });
  const whole = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const smallSize = new Intl.NumberFormat(locale, { style: 'unit', unit: 'byte', unitDisplay: 'long' });
  const dates = new Intl.DateTimeFormat(locale.startsWith('en') ? 'sv-SE' : locale, {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  });
  const unit = (name: 'hour' | 'minute' | 'second' | 'millisecond', digits = 0) =>
    new Intl.NumberFormat(locale, {
      style: 'unit',
      unit: name,
      unitDisplay: 'short',
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    });
  const hours = unit('hour');
  const minutes = unit('minute');
  const seconds = unit('second');
  const tenths = unit('second', 1);
  const millis = unit('millisecond');
  // `12 min 5 sec` in English, `12分钟5秒` in Chinese: the locale's own way of running units together.
  const units = new Intl.ListFormat(locale, { type: 'unit', style: 'narrow' });
  const duration = (total: number): string => {
    const s = Math.max(0, Math.round(total));
    if (s < 60) return seconds.format(s);
    if (s < 3600) return units.format([minutes.format(Math.floor(s / 60)), seconds.format(s % 60)]);
    return units.format([hours.format(Math.floor(s / 3600)), minutes.format(Math.floor((s % 3600) / 60))]);
  };
  return {
    locale,
    duration,
    elapsed: (ms) => {
      if (ms < 1000) return millis.format(Math.round(ms));
      if (ms < 60_000) return tenths.format(ms / 1000);
      return duration(ms / 1000);
    },
    count: (value) => numbers.format(value),
    bytes: (size) => {
      if (size < 1024) return smallSize.format(size);
      let value = size;
      let unit = -1;
      while (value >= 1024 && unit < MULTIPLES.length - 1) {
        value /= 1024;
        unit++;
      }
      return `${(value >= 100 ? whole : fraction).format(value)} ${MULTIPLES[unit]}`;
    },
    time: (iso) => {
      const date = new Date(iso);
      return Number.isNaN(date.getTime()) ? iso : dates.format(date);
    },
  };
}
