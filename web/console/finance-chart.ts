/**
 * A horizontal bar chart drawn with DOM APIs (no library, no inline style: the CSP allows none):
 * one bar per report row, its net in the reporting currency. The SVG is an image with a title and
 * a description saying what it shows; the report's table above holds the same figures.
 */
const SVG = 'http://www.w3.org/2000/svg';

export interface Bar { label: string; value: number; text: string }

function svg<K extends keyof SVGElementTagNameMap>(tag: K, attributes: Record<string, string | number>, ...children: Array<Node | string>): SVGElementTagNameMap[K] {
  const element = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, String(value));
  element.append(...children);
  return element;
}

const LABEL_WIDTH = 220;
const VALUE_WIDTH = 140;
const BAR_AREA = 420;
const ROW = 28;

/** The chart as an <svg role="img">; `summary` is its text alternative. */
export function barChart(bars: readonly Bar[], options: { id: string; title: string; summary: string }): SVGSVGElement {
  const max = Math.max(0, ...bars.map((bar) => bar.value));
  const min = Math.min(0, ...bars.map((bar) => bar.value));
  const span = max - min || 1;
  const zero = LABEL_WIDTH + ((0 - min) / span) * BAR_AREA;
  const width = LABEL_WIDTH + BAR_AREA + VALUE_WIDTH;
  const height = bars.length * ROW + 8;
  const chart = svg(
    'svg',
    { viewBox: `0 0 ${width} ${height}`, width: '100%', role: 'img', 'aria-labelledby': `${options.id}-title ${options.id}-desc`, class: 'bar-chart', id: options.id, preserveAspectRatio: 'xMinYMin meet' },
    svg('title', { id: `${options.id}-title` }, options.title),
    svg('desc', { id: `${options.id}-desc` }, options.summary),
  );
  bars.forEach((bar, i) => {
    const y = i * ROW + 4;
    const length = (Math.abs(bar.value) / span) * BAR_AREA;
    const x = bar.value < 0 ? zero - length : zero;
    chart.append(
      svg(
        'g',
        { class: bar.value < 0 ? 'bar bar-negative' : 'bar', 'data-label': bar.label },
        svg('title', {}, `${bar.label}: ${bar.text}`),
        svg('text', { x: LABEL_WIDTH - 8, y: y + ROW / 2, 'text-anchor': 'end', 'dominant-baseline': 'middle', class: 'bar-label' }, bar.label),
        svg('rect', { x: x.toFixed(1), y: y + 3, width: Math.max(length, bar.value === 0 ? 0 : 1).toFixed(1), height: ROW - 8, rx: 2 }),
        svg('text', { x: LABEL_WIDTH + BAR_AREA + 8, y: y + ROW / 2, 'dominant-baseline': 'middle', class: 'bar-value' }, bar.text),
      ),
    );
  });
  chart.append(svg('line', { x1: zero.toFixed(1), x2: zero.toFixed(1), y1: 0, y2: height, class: 'bar-axis' }));
  return chart;
}

/** "Highest: 2026-07 · Government, 13,562.50 USD. Lowest: …" — what the chart shows, in words. */
export function chartSummary(bars: readonly Bar[], what: string): string {
  if (bars.length === 0) return `No ${what} to show.`;
  const sorted = [...bars].sort((a, b) => b.value - a.value);
  const high = sorted[0]!;
  const low = sorted.at(-1)!;
  const parts = [`${bars.length} bar(s) of ${what}, one per row of the report.`, `Highest: ${high.label}, ${high.text}.`];
  if (bars.length > 1) parts.push(`Lowest: ${low.label}, ${low.text}.`);
  return parts.join(' ');
}
