/** A speed-up as the chapter writes it: `2.0x`, `4-10x`, `2-5x 提升`. */
export interface Gain {
  min: number;
  max: number;
  /** Geometric middle, for sorting ranges against single values. */
  mid: number;
}

const GAIN = /^(\d+(?:\.\d+)?)(?:-(\d+(?:\.\d+)?))?x(?:\s*提升)?$/;

/** Parses a gain; undefined when the cell is not a gain at all (e.g. 深度思考能力). */
export function parseGain(cell: string): Gain | undefined {
  const m = GAIN.exec(cell.trim());
  if (!m) return undefined;
  const min = Number(m[1]);
  const max = m[2] === undefined ? min : Number(m[2]);
  if (!(min > 0) || max < min) return undefined;
  return { min, max, mid: Math.sqrt(min * max) };
}

/** True when a cell looks like an attempt at a gain (`2-x`, `x5`), so a typo is an error, not text. */
export function looksLikeGain(cell: string): boolean {
  return /^[\d.\s-]*x/i.test(cell.trim()) || /^\d[\d.\s-]*[x×]?$/.test(cell.trim());
}

/** Position on a log axis from `lo` to `hi`, as a fraction 0…1. */
export function logPosition(value: number, lo: number, hi: number): number {
  const t = (Math.log(value) - Math.log(lo)) / (Math.log(hi) - Math.log(lo));
  return Math.min(1, Math.max(0, t));
}
