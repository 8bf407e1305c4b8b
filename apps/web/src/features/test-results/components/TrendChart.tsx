import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { NumericPoint, NumericTrend } from '../api';
import { compareWithRange, formatMeasure, withUnit, type Comparison } from '../utils/ranges';
import { rangeWords } from '../utils/sentence';

/** Drawn at the width it is shown at, so its text stays 15 px on a 360 px phone too. */
const DEFAULT_WIDTH = 640;
const MIN_WIDTH = 280;
const HEIGHT = 280;
const PAD = { left: 60, right: 20, top: 20, bottom: 44 };
/** Round labels closer than this to a range limit's label would overlap it. */
const LABEL_GAP = 18;

/**
 * A few round values across [min, max] for the y-axis: steps of 1, 2 or 5 times a power of
 * ten, about `target` of them (4 to 6 in practice).
 */
export function niceTicks(min: number, max: number, target = 5): number[] {
  const span = max - min;
  if (!(span > 0) || !Number.isFinite(span)) return [];
  const rough = span / target;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const normal = rough / magnitude;
  const step = (normal < 1.5 ? 1 : normal < 3 ? 2 : normal < 7 ? 5 : 10) * magnitude;
  const digits = Math.max(0, -Math.floor(Math.log10(step)));
  const ticks: number[] = [];
  for (let tick = Math.ceil(min / step) * step; tick <= max + step * 1e-9; tick += step) {
    ticks.push(Number(tick.toFixed(digits)));
  }
  return ticks;
}

/** The width the chart is shown at, followed as the page resizes (the default until known). */
function useShownWidth() {
  const ref = useRef<HTMLElement>(null);
  const [width, setWidth] = useState(DEFAULT_WIDTH);
  useEffect(() => {
    const element = ref.current;
    if (!element || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(([entry]) => {
      const shown = Math.round(entry?.contentRect.width ?? 0);
      if (shown > 0) setWidth(Math.max(MIN_WIDTH, shown));
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return [ref, width] as const;
}

export interface TrendChartProps {
  trend: NumericTrend;
  locale: string;
  /** "March 2026": short dates for the axis and the description. */
  formatDay: (iso: string) => string;
}

export function pointComparison(trend: NumericTrend, point: NumericPoint): Comparison {
  return compareWithRange({
    interpretation: point.interpretation,
    abnormal: point.abnormal,
    valueQuantity: point.valueQuantity,
    referenceLow: trend.referenceLow,
    referenceHigh: trend.referenceHigh,
  });
}

/** A point's mark: a circle within the range; triangles up or down, or a diamond, outside it. */
function Marker({ x, y, comparison }: { x: number; y: number; comparison: Comparison }) {
  const shape =
    comparison === 'high'
      ? 'triangle-up'
      : comparison === 'low'
        ? 'triangle-down'
        : comparison === 'outside'
          ? 'diamond'
          : 'circle';
  const className = `trend-chart__point trend-chart__point--${comparison}`;
  const r = 7;
  if (shape === 'circle') {
    return <circle className={className} data-shape={shape} cx={x} cy={y} r={5.5} />;
  }
  const points =
    shape === 'triangle-up'
      ? [
          [x, y - r],
          [x + r, y + r * 0.8],
          [x - r, y + r * 0.8],
        ]
      : shape === 'triangle-down'
        ? [
            [x, y + r],
            [x + r, y - r * 0.8],
            [x - r, y - r * 0.8],
          ]
        : [
            [x, y - r],
            [x + r, y],
            [x, y + r],
            [x - r, y],
          ];
  return (
    <polygon
      className={className}
      data-shape={shape}
      points={points.map((point) => point.join(',')).join(' ')}
    />
  );
}

/**
 * One test over time as a line, the usual range as a shaded band. Points outside the range
 * have their own shape, not only their own colour. The chart is one image with a name and a
 * written description; the table beside it gives every value to screen readers and anyone
 * who prefers numbers. Nothing moves, so reduced-motion settings have nothing to stop.
 */
export function TrendChart({ trend, locale, formatDay }: TrendChartProps) {
  const { t } = useTranslation();
  const titleId = useId();
  const descId = useId();
  const [figureRef, WIDTH] = useShownWidth();
  const points = trend.points;
  if (points.length === 0) {
    return null;
  }

  const times = points.map((point) => Date.parse(point.effectiveAt));
  const values = points.map((point) => point.valueQuantity);
  const low = trend.referenceLow;
  const high = trend.referenceHigh;
  let min = Math.min(...values, ...(low === null ? [] : [low]));
  let max = Math.max(...values, ...(high === null ? [] : [high]));
  if (min === max) {
    min -= Math.abs(min) * 0.1 || 1;
    max += Math.abs(max) * 0.1 || 1;
  }
  const pad = (max - min) * 0.1;
  min -= pad;
  max += pad;
  const first = Math.min(...times);
  const last = Math.max(...times);
  const plotWidth = WIDTH - PAD.left - PAD.right;
  const plotHeight = HEIGHT - PAD.top - PAD.bottom;
  const x = (time: number) =>
    last === first
      ? PAD.left + plotWidth / 2
      : PAD.left + ((time - first) / (last - first)) * plotWidth;
  const y = (value: number) => PAD.top + ((max - value) / (max - min)) * plotHeight;

  const comparisons = points.map((point) => pointComparison(trend, point));
  const outside = comparisons.filter((c) => c === 'high' || c === 'low' || c === 'outside').length;
  const latest = points[points.length - 1] as NumericPoint;
  const range = rangeWords(t, trend, locale);
  const description = [
    t('testResults.trend.chartSummary', {
      count: points.length,
      first: formatDay(points[0]?.effectiveAt ?? latest.effectiveAt),
      last: formatDay(latest.effectiveAt),
    }),
    range ? t('testResults.value.usualRange', { range }) : null,
    t('testResults.trend.chartOutside', { count: outside }),
    t('testResults.trend.chartLatest', {
      value: withUnit(formatMeasure(latest.valueQuantity, locale), latest.unit ?? trend.unit),
      date: formatDay(latest.effectiveAt),
    }),
  ]
    .filter(Boolean)
    .join(' ');

  const bandTop = high === null ? PAD.top : y(high);
  const bandBottom = low === null ? HEIGHT - PAD.bottom : y(low);
  // The range limits are labelled, and a few round values between and around them.
  const limits = [...(high === null ? [] : [high]), ...(low === null ? [] : [low])];
  const round = niceTicks(min, max).filter((tick) =>
    limits.every((limit) => Math.abs(y(tick) - y(limit)) >= LABEL_GAP),
  );
  const labels = [
    ...limits.map((value) => ({ value, kind: 'range' as const })),
    ...round.map((value) => ({ value, kind: 'round' as const })),
  ].filter((label, i, all) => all.findIndex((other) => other.value === label.value) === i);

  return (
    <figure className="trend-chart" ref={figureRef}>
      <svg
        className="trend-chart__svg"
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        height={HEIGHT}
        role="img"
        aria-labelledby={titleId}
        aria-describedby={descId}
        preserveAspectRatio="xMidYMid meet"
      >
        <title id={titleId}>
          {t('testResults.trend.chartTitle', { test: trend.plainName ?? trend.display })}
        </title>
        <desc id={descId}>{description}</desc>
        {low !== null || high !== null ? (
          <rect
            className="trend-chart__band"
            x={PAD.left}
            y={bandTop}
            width={plotWidth}
            height={Math.max(0, bandBottom - bandTop)}
          />
        ) : null}
        <line
          className="trend-chart__axis"
          x1={PAD.left}
          y1={HEIGHT - PAD.bottom}
          x2={WIDTH - PAD.right}
          y2={HEIGHT - PAD.bottom}
        />
        <line
          className="trend-chart__axis"
          x1={PAD.left}
          y1={PAD.top}
          x2={PAD.left}
          y2={HEIGHT - PAD.bottom}
        />
        {round.map((tick) => (
          <line
            key={`grid-${tick}`}
            className="trend-chart__grid"
            x1={PAD.left}
            y1={y(tick)}
            x2={WIDTH - PAD.right}
            y2={y(tick)}
          />
        ))}
        {labels.map((label) => (
          <text
            key={label.value}
            className={`trend-chart__label trend-chart__label--${label.kind}`}
            data-tick={label.kind}
            x={PAD.left - 8}
            y={y(label.value)}
            textAnchor="end"
            dominantBaseline="middle"
          >
            {formatMeasure(label.value, locale)}
          </text>
        ))}
        <text
          className="trend-chart__label"
          x={PAD.left}
          y={HEIGHT - PAD.bottom + 24}
          textAnchor="start"
        >
          {formatDay(points[0]?.effectiveAt ?? latest.effectiveAt)}
        </text>
        {points.length > 1 ? (
          <text
            className="trend-chart__label"
            x={WIDTH - PAD.right}
            y={HEIGHT - PAD.bottom + 24}
            textAnchor="end"
          >
            {formatDay(latest.effectiveAt)}
          </text>
        ) : null}
        <polyline
          className="trend-chart__line"
          points={points
            .map((point, i) => `${x(times[i] as number)},${y(point.valueQuantity)}`)
            .join(' ')}
        />
        {points.map((point, i) => (
          <Marker
            key={point.observationId}
            x={x(times[i] as number)}
            y={y(point.valueQuantity)}
            comparison={comparisons[i] as Comparison}
          />
        ))}
      </svg>
      <figcaption className="trend-chart__legend">
        <ul>
          {low !== null || high !== null ? (
            <li>
              <span className="trend-chart__key trend-chart__key--band" aria-hidden="true" />
              {t('testResults.trend.legendBand')}
            </li>
          ) : null}
          <li>
            <span aria-hidden="true">●</span> {t('testResults.trend.legendNormal')}
          </li>
          <li>
            <span aria-hidden="true">▲</span> {t('testResults.trend.legendHigh')}
          </li>
          <li>
            <span aria-hidden="true">▼</span> {t('testResults.trend.legendLow')}
          </li>
          <li>
            <span aria-hidden="true">◆</span> {t('testResults.trend.legendOutside')}
          </li>
        </ul>
      </figcaption>
    </figure>
  );
}
