/**
 * The traffic-share chart: one stacked bar per minute (services below, monolith above) and the
 * services' share as a line, drawn as inline SVG that scales with its container.
 */
import { svg } from './dom.ts';
import { minute as formatMinute, percent } from './format.ts';
import type { MinuteShare } from './model.ts';

const W = 640;
const H = 190;
const PAD = { left: 44, right: 44, top: 12, bottom: 26 };

export function shareChart(series: readonly MinuteShare[]): SVGElement {
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const max = Math.max(1, ...series.map((m) => m.services + m.monolith));
  const top = niceCeiling(max);
  const slot = plotW / Math.max(1, series.length);
  const barW = Math.max(2, slot * 0.7);
  const y = (value: number) => PAD.top + plotH - (value / top) * plotH;
  const total = series.reduce((n, m) => n + m.services + m.monolith, 0);
  const served = series.reduce((n, m) => n + m.services, 0);
  const label = `Requests per minute, last ${series.length} minutes: services served ${percent(total ? served / total : null)} of ${total}.`;

  const grid = [0, 0.5, 1].map((f) =>
    svg(
      'g',
      {},
      svg('line', { x1: PAD.left, x2: W - PAD.right, y1: y(top * f), y2: y(top * f), class: 'grid' }),
      svg(
        'text',
        { x: PAD.left - 6, y: y(top * f) + 4, 'text-anchor': 'end', class: 'axis' },
        String(top * f),
      ),
      svg(
        'text',
        { x: W - PAD.right + 6, y: y(top * f) + 4, 'text-anchor': 'start', class: 'axis share-axis' },
        `${Math.round(f * 100)}%`,
      ),
    ),
  );
  const bars = series.map((m, i) => {
    const x = PAD.left + i * slot + (slot - barW) / 2;
    const all = m.services + m.monolith;
    return svg(
      'g',
      {},
      svg('title', {}, `${formatMinute(m.minute)}: ${m.services} by services, ${m.monolith} by the monolith`),
      svg('rect', { x, width: barW, y: y(m.services), height: y(0) - y(m.services), class: 'bar-services' }),
      svg('rect', { x, width: barW, y: y(all), height: y(m.services) - y(all), class: 'bar-monolith' }),
    );
  });
  const points = series
    .map((m, i) => ({ m, i, all: m.services + m.monolith }))
    .filter((p) => p.all > 0)
    .map((p) => `${PAD.left + p.i * slot + slot / 2},${PAD.top + plotH - (p.m.services / p.all) * plotH}`);
  const ticks = series
    .map((m, i) => ({ m, i }))
    .filter(({ i }) => i % Math.ceil(series.length / 6) === 0 || i === series.length - 1)
    .map(({ m, i }) =>
      svg(
        'text',
        { x: PAD.left + i * slot + slot / 2, y: H - 8, 'text-anchor': 'middle', class: 'axis' },
        formatMinute(m.minute),
      ),
    );
  return svg(
    'svg',
    {
      viewBox: `0 0 ${W} ${H}`,
      role: 'img',
      'aria-label': label,
      class: 'chart',
      preserveAspectRatio: 'xMidYMid meet',
    },
    svg('title', {}, label),
    grid,
    bars,
    points.length > 1 ? svg('polyline', { points: points.join(' '), class: 'share-line' }) : null,
    points.map((p) => {
      const [cx, cy] = p.split(',');
      return svg('circle', { cx: cx ?? '0', cy: cy ?? '0', r: 3, class: 'share-dot' });
    }),
    ticks,
  );
}

function niceCeiling(value: number): number {
  const magnitude = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 5, 10]) if (step * magnitude >= value) return step * magnitude;
  return 10 * magnitude;
}
