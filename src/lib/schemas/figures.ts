import { z } from 'zod';
import { type ScaleName, scales } from '../scales.ts';

const scaleNames = Object.keys(scales) as ScaleName[];

/** How a column's cells are drawn besides their words. */
export const encodings = [
  'text',
  'gain',
  'span',
  ...scaleNames.map((s) => `level:${s}` as const),
] as const;
export type Encoding = (typeof encodings)[number];

const encodingSchema = z.enum(encodings, {
  error: (issue) =>
    `"${String(issue.input)}" is not an encoding; use one of ${encodings.join(', ')}`,
});

const columnObject = z.strictObject({
  /** A level of a scale, a gain on a log axis, a span on a time axis, or words only. */
  encode: encodingSchema.default('text'),
  /** For gains: cells that are words, not numbers (深度思考能力), are shown as text. */
  allowText: z.boolean().default(false),
  /** Empty cells repeat the group label above them (技术领域 of the matrix). */
  groups: z.boolean().default(false),
});

/** A column's drawing: `gain` is short for `{ encode: gain }`. */
export const columnSpecSchema = z.preprocess(
  (value) => (typeof value === 'string' ? { encode: value } : value),
  columnObject,
);

export const figureForms = [
  'matrix',
  'timeline',
  'milestones',
  'roadmap',
  'stack',
  'tracks',
  'levels',
] as const;
export type FigureForm = (typeof figureForms)[number];

/**
 * How a figure is drawn: never its words, which stay in the chapter's table in the MDX body.
 * Columns are keyed by their header text as the table writes it (without the bold marks);
 * a column that is not listed is plain text.
 */
export const figureSpecSchema = z.strictObject({
  /** The form the figure takes on the page. */
  form: z.enum(figureForms),
  /** Header of the column whose text gives each row its link id (`TensorRT` → `#tensorrt`); the first column when left out. */
  rowId: z.string().min(1).optional(),
  /** Put before every row id when two figures would otherwise share one (推测解码 is a matrix row and a milestone). */
  idPrefix: z
    .string()
    .regex(/^[a-z]+-$/, 'idPrefix is lower-case letters and a hyphen, e.g. milestone-')
    .optional(),
  columns: z.record(z.string().min(1), columnSpecSchema).default({}),
});

export type FigureSpec = z.infer<typeof figureSpecSchema>;
export type ColumnSpec = z.infer<typeof columnSpecSchema>;
