import { z } from 'zod';
import { looksLikeGain, parseGain } from '../figures/gain.ts';
import { parseSpan } from '../figures/time.ts';
import { levelWords, readLevel, type ScaleName, scales } from '../scales.ts';

const scaleNames = Object.keys(scales) as [ScaleName, ...ScaleName[]];
const encodings = ['text', 'gain', 'span', ...scaleNames.map((s) => `level:${s}` as const)] as const;

export const columnSchema = z
  .object({
    /** Header text exactly as in the chapter. */
    label: z.string().min(1),
    /** How the cells are drawn besides their words: a level of a scale, a gain on a log axis, a span on a time axis. */
    encode: z.enum(encodings).default('text'),
    /** For gains: cells that are words, not numbers (深度思考能力), are shown as text. */
    allowText: z.boolean().default(false),
    /** Empty cells repeat the group label above them (技术领域 of the matrix). */
    groups: z.boolean().default(false),
  })
  .strict();

export const figureSchema = z
  .object({
    /** The form the figure takes on the page. */
    form: z.enum(['matrix', 'timeline', 'milestones', 'roadmap', 'stack', 'tracks', 'levels']),
    /** Column whose text gives each row its link id (`TensorRT` → `#tensorrt`). */
    idColumn: z.number().int().nonnegative().default(0),
    /** Put before every row id when two figures would otherwise share one (推测解码 is a matrix row and a milestone). */
    idPrefix: z.string().regex(/^[a-z]+-$/, 'idPrefix is lower-case letters and a hyphen, e.g. milestone-').optional(),
    columns: z.array(columnSchema).min(2),
    /** Cells exactly as written in the chapter's table, `**bold**` and citations included. */
    rows: z.array(z.array(z.string())).min(1),
  })
  .strict()
  .superRefine((figure, ctx) => {
    const width = figure.columns.length;
    if (figure.idColumn >= width) ctx.addIssue({ code: 'custom', path: ['idColumn'], message: `idColumn ${figure.idColumn} is past the last of ${width} columns` });
    figure.rows.forEach((row, r) => {
      if (row.length !== width) {
        ctx.addIssue({ code: 'custom', path: ['rows', r], message: `row has ${row.length} cells but the figure has ${width} columns (${figure.columns.map((c) => c.label).join(', ')})` });
        return;
      }
      row.forEach((cell, c) => {
        const column = figure.columns[c];
        const where = { path: ['rows', r, c] };
        if (cell.trim() === '') {
          if (!column.groups || r === 0) ctx.addIssue({ code: 'custom', ...where, message: `${column.label}: cell is empty` });
          return;
        }
        if (column.encode.startsWith('level:')) {
          const scale = column.encode.slice(6) as ScaleName;
          if (!readLevel(scale, cell)) {
            ctx.addIssue({ code: 'custom', ...where, message: `${column.label}: "${cell}" does not start with a level of ${scales[scale].name} (${levelWords(scale).join(' / ')})` });
          }
        } else if (column.encode === 'gain') {
          if (!parseGain(cell) && (!column.allowText || looksLikeGain(cell))) {
            ctx.addIssue({ code: 'custom', ...where, message: `${column.label}: "${cell}" is not a gain such as 2.0x, 4-10x or 2-5x 提升` });
          }
        } else if (column.encode === 'span' && !parseSpan(cell)) {
          ctx.addIssue({ code: 'custom', ...where, message: `${column.label}: "${cell}" is not a time such as 2015-2017, 2026+, 2024 Q3 or 2024 年底` });
        }
      });
    });
  });

export type FigureData = z.infer<typeof figureSchema>;
export type ColumnData = z.infer<typeof columnSchema>;
