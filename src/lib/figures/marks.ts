import type { Element } from 'hast';
import { s } from 'hastscript';
import type { LevelReading } from '../scales.ts';
import { type Gain, logPosition } from './gain.ts';
import type { Span } from './time.ts';

/** Positions to a tenth of a pixel: finer would be invisible, and longer in every cell. */
const px = (n: number) => Number(n.toFixed(1));

/*
 * The marks a figure draws beside a cell's words: decorative SVG (aria-hidden, `data-enc`), so
 * a screen reader and the search index get only the chapter's words.
 */

/**
 * Filled and hollow squares: the level reads by shape and count, not by colour (WCAG 1.4.1).
 * Two paths rather than a rect per pip keep the page's DOM small (the figures have ~80 levels).
 */
export function levelPips(level: Pick<LevelReading, 'rank' | 'max'>): Element {
  const size = 8;
  const gap = 3;
  const square = (i: number) =>
    `M${i * (size + gap) + 0.75} 0.75h${size - 1.5}v${size - 1.5}h-${size - 1.5}Z`;
  const on = Array.from({ length: level.rank }, (_, i) => square(i)).join('');
  const off = Array.from({ length: level.max - level.rank }, (_, i) => square(level.rank + i)).join(
    '',
  );
  const width = level.max * (size + gap) - gap;
  return s(
    'svg.pips',
    { dataEnc: '', ariaHidden: 'true', width, height: size, viewBox: `0 0 ${width} ${size}` },
    [s('path.on', { d: on }), off ? s('path.off', { d: off }) : undefined],
  );
}

/** A range (4-10x) is a bar, a single value (5.0x) a dot, on a log axis shared by the figure; the axis and its decade ticks are one path. */
export function gainBar(gain: Gain, axis: { lo: number; hi: number }): Element {
  const width = 120;
  const x = (v: number) => px(4 + logPosition(v, axis.lo, axis.hi) * (width - 8));
  let axisPath = `M4 8H${width - 4}`;
  for (let t = axis.lo; t <= axis.hi; t *= 10) axisPath += `M${x(t)} 4V12`;
  const mark =
    gain.max > gain.min
      ? s('rect.bar', {
          x: x(gain.min),
          y: 4,
          width: px(Math.max(3, x(gain.max) - x(gain.min))),
          height: 8,
          rx: 2,
        })
      : s('circle.bar', { cx: x(gain.min), cy: 8, r: 4 });
  return s(
    'svg.gain',
    { dataEnc: '', ariaHidden: 'true', width, height: 16, viewBox: `0 0 ${width} 16` },
    [s('path.axis', { d: axisPath }), mark],
  );
}

/** Where an entry sits on the figure's time axis, one tick a year; an open span (2026+) ends in an arrow. */
export function spanBar(span: Span, axis: { start: number; end: number }): Element {
  const width = 132;
  const x = (t: number) => px(4 + ((t - axis.start) / (axis.end - axis.start)) * (width - 12));
  let axisPath = `M4 8H${width - 4}`;
  for (let y = Math.ceil(axis.start); y <= axis.end; y++) axisPath += `M${x(y)} 5V11`;
  return s(
    'svg.span',
    { dataEnc: '', ariaHidden: 'true', width, height: 16, viewBox: `0 0 ${width} 16` },
    [
      s('path.axis', { d: axisPath }),
      s('rect.bar', {
        x: x(span.start),
        y: 4,
        width: px(Math.max(4, x(span.end) - x(span.start))),
        height: 8,
        rx: 2,
      }),
      span.open
        ? s('path.bar', { d: `M${x(span.end)} 3 L${x(span.end) + 7} 8 L${x(span.end)} 13 Z` })
        : undefined,
    ],
  );
}
