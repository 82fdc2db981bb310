import { useEffect, useRef } from 'react';
import type uPlot from 'uplot';
import { formatCount } from '../components/date-and-number-format';

interface BarChartProps {
  title: string;
  /** What one bar is ("Hour", "Staff member"): the hover readout says "Hour: Mon 09:00 · Leads: 12". */
  category: string;
  labels: string[];
  values: number[];
  /** The bars' colour, a design token of tokens.css (dark on white, readable in a bright hall). */
  color?: ChartColor;
  height?: number;
  /** Whether the legend names the sum of the bars (not for a funnel, whose steps hold the same leads). */
  showTotal?: boolean;
}

/** The bar colours tokens.css defines for charts. */
type ChartColor = '--chart-bar' | '--chart-funnel' | '--chart-staff' | '--chart-rating' | '--chart-method';
const INTEGER_STEPS = [1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 2500, 5000, 10_000, 20_000, 25_000, 50_000, 100_000, 250_000, 500_000, 1_000_000];

/**
 * A bar chart drawn by uPlot (canvas), with each bar's number written above it and the
 * value under the cursor in the legend. Categories sit at x = 0, 1, 2 …, labelled by name.
 * The numbers are also in a table for screen readers (the canvas says nothing to them).
 */
export function BarChart({ title, category, labels, values, color = '--chart-bar', height = 260, showTotal = true }: BarChartProps) {
  const holder = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const element = holder.current;
    if (!element) return;
    let stop = () => {};
    let cancelled = false;
    // Loaded with the dashboard, not with the app: uPlot reads the screen (matchMedia) as it loads.
    void import('uplot').then(({ default: UPlot }) => {
      if (!cancelled) stop = draw(UPlot, element);
    });
    return () => {
      cancelled = true;
      stop();
    };
  }, [title, category, labels, values, color, height, showTotal]);

  function draw(UPlot: typeof uPlot, element: HTMLDivElement): () => void {
    // A canvas cannot use CSS variables: the design tokens' values are read as the chart is drawn.
    const style = getComputedStyle(element);
    const token = (name: string) => style.getPropertyValue(name).trim();
    const ink = token('--chart-ink');
    const grid = token('--chart-grid');
    const fill = token(color);
    const bars: Array<{ left: number; top: number; width: number; index: number }> = [];
    const max = Math.max(1, ...values);
    // Slanted labels when they would not fit side by side (about 7 px a letter at 13 px).
    const longest = Math.max(1, ...labels.map((label) => label.length));
    const slanted = labels.length * (longest * 7.5 + 8) > element.clientWidth - 60;
    const options: uPlot.Options = {
      width: Math.max(280, element.clientWidth),
      height,
      legend: { show: true, live: true },
      cursor: { drag: { x: false, y: false }, points: { show: false } },
      scales: {
        x: { time: false, range: [-0.5, labels.length - 0.5] },
        y: { range: [0, max * 1.18] },
      },
      axes: [
        {
          stroke: ink,
          font: '600 13px system-ui, sans-serif',
          grid: { show: false },
          ticks: { show: false },
          splits: () => labels.map((_, index) => index),
          values: (_, splits) => splits.map((split) => labels[split] ?? ''),
          // Long category lists (hours of a show): every label would overlap, so some are skipped.
          space: 10,
          rotate: slanted ? -35 : 0,
          size: slanted ? Math.min(110, 20 + longest * 6) : 40,
        },
        {
          stroke: ink,
          font: '13px system-ui, sans-serif',
          grid: { stroke: grid, width: 1 },
          ticks: { stroke: grid },
          // Counts are whole: ticks only at whole steps, never "0.5 leads".
          incrs: INTEGER_STEPS,
          values: (_, splits) => splits.map((split) => (Number.isInteger(split) ? formatCount(split) : '')),
          // Wide enough for "12,480" without clipping.
          size: (_, values) => 16 + Math.max(2, ...(values ?? []).map((value) => String(value).length)) * 8,
        },
      ],
      series: [
        { label: category, value: (_, index) => (index === null ? '' : (labels[index] ?? '')) },
        {
          // The legend names the total too, not only the value under the cursor.
          label: showTotal ? `Leads (${formatCount(values.reduce((sum, value) => sum + value, 0))} in all)` : 'Leads',
          fill: fill,
          stroke: fill,
          width: 0,
          paths: UPlot.paths.bars?.({
            size: [0.72, 90],
            each: (_, __, index, left, top, width) => {
              bars[index] = { left, top, width, index };
            },
          }),
          points: { show: false },
          value: (_, value) => (value === null ? '' : formatCount(value)),
        },
      ],
      hooks: {
        drawClear: [() => void (bars.length = 0)],
        draw: [
          (plot) => {
            const { ctx } = plot;
            const ratio = UPlot.pxRatio;
            ctx.save();
            ctx.fillStyle = ink;
            ctx.font = `700 ${Math.round(13 * ratio)}px system-ui, sans-serif`;
            ctx.textAlign = 'center';
            ctx.textBaseline = 'bottom';
            for (const bar of bars) {
              if (!bar) continue;
              const text = formatCount(values[bar.index] ?? 0);
              // Numbers wider than their bar would run into the next one: hover shows those.
              if (ctx.measureText(text).width > bar.width + 10 * ratio) continue;
              ctx.fillText(text, bar.left + bar.width / 2, bar.top - 3 * ratio);
            }
            ctx.restore();
          },
        ],
      },
    };
    const plot = new UPlot(options, [labels.map((_, index) => index), values], element);
    const observer = new ResizeObserver(() => plot.setSize({ width: Math.max(280, element.clientWidth), height }));
    observer.observe(element);
    return () => {
      observer.disconnect();
      plot.destroy();
    };
  }

  return (
    <figure className="chart">
      <figcaption className="chart-title">{title}</figcaption>
      <div ref={holder} className="chart-canvas" role="img" aria-label={`${title}: ${labels.map((label, index) => `${label} ${values[index] ?? 0}`).join(', ')}`} />
    </figure>
  );
}
