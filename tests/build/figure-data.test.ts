import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ExportedFigure } from '../../src/lib/figure-export.ts';
import { parseCsv } from '../../src/lib/figure-export.ts';
import { chapterDocument } from '../support/dist.ts';
import { distDir } from '../support/paths.ts';
import { normaliseText } from '../support/source.ts';

/** A cell's words as the reader sees them, without encodings and copy-links. */
function cellText(cell: Element): string {
  const clone = cell.cloneNode(true) as Element;
  clone.querySelectorAll('[data-enc], .anchor-link').forEach((n) => n.remove());
  return normaliseText(clone.textContent ?? '') || (cell.getAttribute('data-group-label') ?? '');
}

describe('figure data downloads', () => {
  const doc = chapterDocument();
  const figures = [...doc.querySelectorAll('.figure')];

  it('links every figure to its JSON and CSV', () => {
    expect(figures).toHaveLength(11);
    for (const f of figures) {
      const links = [...f.querySelectorAll('.figure-data a')].map((a) => a.getAttribute('href')!);
      expect(links.map((l) => path.extname(l))).toEqual(['.json', '.csv']);
      for (const l of links) expect(fs.existsSync(path.join(distDir, l)), l).toBe(true);
    }
  });

  it('publishes exactly the rows the figure shows, in JSON and CSV alike', () => {
    for (const f of figures) {
      const jsonHref = f.querySelector('.figure-data a[href$=".json"]')!.getAttribute('href')!;
      const data = JSON.parse(
        fs.readFileSync(path.join(distDir, jsonHref), 'utf8'),
      ) as ExportedFigure;
      const shown = [...f.querySelectorAll('tbody tr')].map((tr) => ({
        id: tr.id,
        cells: [...tr.children].map(cellText),
      }));
      const exported = data.rows.map((r) => ({
        id: r.id,
        cells: data.columns.map((c) => normaliseText(r.cells[c.label])),
      }));
      expect(exported, data.name).toEqual(shown);
      const [, ...csvRows] = parseCsv(
        fs.readFileSync(path.join(distDir, jsonHref.replace(/\.json$/, '.csv')), 'utf8'),
      );
      expect(csvRows).toEqual(
        data.rows.map((r) => [r.id, ...data.columns.map((c) => r.cells[c.label])]),
      );
    }
  });
});
