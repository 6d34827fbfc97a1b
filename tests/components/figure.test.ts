import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { parseHTML } from 'linkedom';
import { beforeAll, describe, expect, it } from 'vitest';
import Figure from '../../src/components/figures/Figure.astro';

const table =
  '<div class="table-region" role="region" tabindex="0" aria-labelledby="tbl-x"><table id="tbl-x-table"><caption id="tbl-x">X</caption><tbody><tr id="a"><td>甲</td></tr></tbody></table></div>';

let container: AstroContainer;
beforeAll(async () => {
  container = await AstroContainer.create();
});

async function render(props: {
  name: string;
  form: string;
  caption: string;
  groupColumn?: string;
  groups?: string;
}) {
  const html = await container.renderToString(Figure, { props, slots: { default: table } });
  return parseHTML(`<!doctype html><html><body>${html}</body></html>`).document;
}

describe('Figure frames the chapter’s table', () => {
  it('keeps the table it wraps as it is, in a frame named by its form, and links the figure’s data', async () => {
    const doc = await render({ name: 'risks', form: 'levels', caption: '技术风险评估' });
    const frame = doc.querySelector('div.figure')!;
    expect(frame.classList.contains('form-levels')).toBe(true);
    expect(frame.querySelector('[role="region"] > table#tbl-x-table tr#a td')!.textContent).toBe(
      '甲',
    );
    const links = [...frame.querySelectorAll('.figure-data a')].map((a) => [
      a.textContent,
      a.getAttribute('href'),
      a.getAttribute('type'),
    ]);
    expect(links).toEqual([
      ['JSON', '/data/risks.json', 'application/json'],
      ['CSV', '/data/risks.csv', 'text/csv'],
    ]);
    expect(frame.querySelector('.figure-data')!.textContent).toContain('技术风险评估的数据');
    expect(frame.querySelector('.figure-data')!.getAttribute('data-pagefind-ignore')).toBe('all');
    expect(frame.querySelector('matrix-controls')).toBeNull();
  });

  it('draws a matrix’s filters with the page (its script only makes them work), one per group in the chapter’s order, pointing at its table', async () => {
    const doc = await render({
      name: 'maturity',
      form: 'matrix',
      caption: '技术成熟度评估矩阵',
      groupColumn: '技术领域',
      groups: JSON.stringify(['模型压缩', '推理引擎']),
    });
    const controls = doc.querySelector('matrix-controls')!;
    // Shown from the first layout, so their script arriving later pushes nothing down.
    expect(controls.hasAttribute('hidden')).toBe(false);
    expect(controls.getAttribute('data-table')).toBe('tbl-技术成熟度评估矩阵-table');
    expect(controls.getAttribute('data-pagefind-ignore')).toBe('all');
    expect(controls.querySelector('[role="group"]')!.getAttribute('aria-label')).toBe(
      '按技术领域筛选',
    );
    const buttons = [...controls.querySelectorAll('button')].map((b) => [
      b.textContent!.trim(),
      b.getAttribute('data-filter'),
      b.getAttribute('aria-pressed'),
    ]);
    expect(buttons).toEqual([
      ['全部', '', 'true'],
      ['模型压缩', '模型压缩', 'false'],
      ['推理引擎', '推理引擎', 'false'],
    ]);
  });
});
