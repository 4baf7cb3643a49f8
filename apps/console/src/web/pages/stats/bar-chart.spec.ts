import { renderToString } from 'preact-render-to-string';
import { BarChart } from './bar-chart';

describe('BarChart', () => {
  const svg = (bars: Parameters<typeof BarChart>[0]['bars'], max?: number): string =>
    renderToString(BarChart({ id: 'rate', title: '认领率', bars, max }));

  it('draws one bar per row, scaled to the largest value, its value written beside it', () => {
    const html = svg([
      { label: '市场监管分局', value: 4, text: '4 项' },
      { label: '消防救援大队', value: 2, text: '2 项' },
    ]);
    const widths = [...html.matchAll(/<rect [^>]*width="([\d.]+)"/g)].map((m) => Number(m[1]));
    expect(widths).toHaveLength(2);
    expect(widths[0]).toBeCloseTo(widths[1]! * 2, 1);
    expect(html).toContain('4 项');
    expect(html).toContain('aria-labelledby="rate-title"');
  });

  it('draws no bar for nothing measured, and none at all when every value is 0', () => {
    const html = svg([
      { label: 'A', value: null, text: '—' },
      { label: 'B', value: 0, text: '0 项' },
    ]);
    expect([...html.matchAll(/<rect [^>]*width="([\d.]+)"/g)].map((m) => m[1])).toEqual(['0.0', '0.0']);
  });

  it('escapes labels', () => {
    expect(svg([{ label: '<b>&', value: 1, text: '1' }])).toContain('&lt;b>&amp;');
  });
});
