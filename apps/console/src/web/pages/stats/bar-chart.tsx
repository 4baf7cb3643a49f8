import type { VNode } from 'preact';

export interface Bar {
  label: string;
  /** null: nothing to measure (drawn as no bar, its text saying so). */
  value: number | null;
  text: string;
}

const WIDTH = 640;
const LABEL = 150;
const VALUE = 110;
const ROW = 28;

/**
 * A horizontal bar chart drawn on the server as SVG (no script, no external asset): one bar per row, scaled to the
 * largest value (or `max`), each with its value written beside it; titled for screen readers.
 */
export function BarChart(props: { id: string; title: string; bars: Bar[]; max?: number }): VNode {
  const { id, title, bars } = props;
  const max = props.max ?? Math.max(0, ...bars.map((b) => b.value ?? 0));
  const span = WIDTH - LABEL - VALUE;
  const height = bars.length * ROW + 8;
  return (
    <figure class="chart" id={id}>
      <figcaption id={`${id}-title`}>{title}</figcaption>
      <svg
        role="img"
        aria-labelledby={`${id}-title`}
        viewBox={`0 0 ${WIDTH} ${height}`}
        width={WIDTH}
        height={height}
        xmlns="http://www.w3.org/2000/svg"
      >
        {bars.map((bar, i) => {
          const y = 4 + i * ROW;
          const length = max > 0 && bar.value !== null ? Math.max(1, (bar.value / max) * span) : 0;
          return (
            <g data-label={bar.label}>
              <text x={LABEL - 8} y={y + ROW / 2 + 5} text-anchor="end" class="chart-label">
                {bar.label}
              </text>
              <rect x={LABEL} y={y + 4} width={length.toFixed(1)} height={ROW - 8} class="chart-bar" />
              <text x={LABEL + length + 6} y={y + ROW / 2 + 5} class="chart-value">
                {bar.text}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
