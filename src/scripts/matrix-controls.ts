import { nextSort, type SortDirection, sortRows } from '../lib/figures/sort.ts';

/**
 * Filter by group and sort by an encoded column; the source order is always one click away. The
 * buttons are part of the page (drawn before this loads); this gives them their behaviour.
 */
class MatrixControls extends HTMLElement {
  connectedCallback() {
    const table = document.getElementById(this.dataset.table!) as HTMLTableElement | null;
    if (!table) return;
    const tbody = table.tBodies[0];
    const rows = [...tbody.rows];
    const status = this.querySelector<HTMLElement>('[role="status"]')!;
    const headers = [...table.tHead!.rows[0].cells];
    // The page draws the controls; this only makes them work.
    const sortable = headers.flatMap((th, i) => (th.querySelector('.sort-button') ? [i] : []));
    let filter = '';
    let sortCol = -1;
    let direction: SortDirection = 'none';

    const render = () =>
      showRows({ rows, tbody, headers, sortable, status }, { filter, sortCol, direction });

    for (const i of sortable) {
      const th = headers[i];
      th.dataset.label = th.textContent!.trim();
      th.setAttribute('aria-sort', 'none');
      th.querySelector('.sort-button')!.addEventListener('click', () => {
        direction = sortCol === i ? nextSort(direction) : 'descending';
        sortCol = direction === 'none' ? -1 : i;
        render();
      });
    }
    this.querySelectorAll<HTMLButtonElement>('[data-filter]').forEach((b) =>
      b.addEventListener('click', () => {
        filter = b.dataset.filter!;
        this.querySelectorAll('[data-filter]').forEach((o) =>
          o.setAttribute('aria-pressed', String(o === b)),
        );
        render();
      }),
    );
  }
}

/** The rows filtered and ordered as chosen, the headers' sort state and the status that says so. */
function showRows(
  table: {
    rows: HTMLTableRowElement[];
    tbody: HTMLTableSectionElement;
    headers: HTMLTableCellElement[];
    sortable: number[];
    status: HTMLElement;
  },
  { filter, sortCol, direction }: { filter: string; sortCol: number; direction: SortDirection },
) {
  const { rows, tbody, headers, sortable, status } = table;
  const keyed = rows.map((tr) => ({
    tr,
    order: Number(tr.dataset.order),
    key: Number(tr.cells[sortCol]?.dataset.sort ?? 0),
  }));
  const sorted = sortCol < 0 ? keyed : sortRows(keyed, direction);
  const flat = direction !== 'none';
  for (const { tr } of sorted) {
    tr.hidden = filter !== '' && tr.dataset.group !== filter;
    // Out of source order a row no longer sits under its group label: show the label on it.
    const groupCell = tr.querySelector<HTMLElement>('[data-group-label]');
    if (groupCell) groupCell.textContent = flat || filter ? groupCell.dataset.groupLabel! : '';
    tbody.append(tr);
  }
  headers.forEach((th, i) => {
    if (sortable.includes(i))
      th.setAttribute('aria-sort', i === sortCol && direction !== 'none' ? direction : 'none');
  });
  const shown = rows.filter((r) => !r.hidden).length;
  const by =
    sortCol >= 0 && direction !== 'none'
      ? `，按${headers[sortCol].dataset.label}${direction === 'descending' ? '从高到低' : '从低到高'}排列`
      : '，按原文顺序';
  status.textContent = `显示 ${shown} / ${rows.length} 行${by}`;
}

export function defineMatrixControls() {
  if (!customElements.get('matrix-controls'))
    customElements.define('matrix-controls', MatrixControls);
}
