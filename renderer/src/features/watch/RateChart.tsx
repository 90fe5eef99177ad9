import { useFormat } from '../../i18n/useFormat.js';
import { useTranslation } from 'react-i18next';
import { useEffect, useState } from 'react';
import { RATE_WINDOW_SECONDS, type EventRate } from './event-rate.js';

const WIDTH = 180;
const HEIGHT = 34;

/** Events per second over the last minute as bars, redrawn every second; the latest second's rate beside it. */
export function RateChart({ rate }: { rate: EventRate }) {
  const format = useFormat();

  const { t } = useTranslation('watch');

  // Redrawn every second even without events (the bars move left), and with every batch received.
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  const series = rate.series(Math.max(now, rate.latest));
  // The second under way is still filling: the figure shown is the last whole second.
  const current = series[series.length - 2] ?? 0;
  const peak = Math.max(1, ...series);
  const barWidth = WIDTH / RATE_WINDOW_SECONDS;
  return (
    <div
      className="rate-chart"
      data-testid="stream-rate"
      data-rate={current}
      title={t('rateChart.eventsPerSecondLast')}
    >
      <svg width={WIDTH} height={HEIGHT} role="img" aria-label={t('rateChart.eventsPerSecond', { current })}>
        <rect x={0} y={0} width={WIDTH} height={HEIGHT} className="rate-chart-bg" />
        {series.map((count, i) =>
          count === 0 ? null : (
            <rect
              key={i}
              x={i * barWidth}
              y={HEIGHT - (count / peak) * (HEIGHT - 2)}
              width={Math.max(1, barWidth - 0.5)}
              height={(count / peak) * (HEIGHT - 2)}
              className="rate-chart-bar"
            />
          ),
        )}
      </svg>
      <span className="rate-chart-figure">
        <b>{format.count(current)}</b>
        {t('rateChart.s')}
        <span className="faint"> {t('rateChart.peakS', { n: format.count(Math.max(0, ...series)) })}</span>
      </span>
    </div>
  );
}
