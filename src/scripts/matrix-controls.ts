import { nextSort, type SortDirection, sortRows } from '../lib/figures/sort.ts';

/** Filter by group and sort by an encoded column; the source order is always one click away. */
class MatrixControls extends HTMLElement {
  connectedCallback() {
    const table = document.getElementById(this.dataset.table!) as HTMLTableElement | null;
    if (!table) return;
    const tbody = table.tBodies[0];
    const rows = [...tbody.rows];
    const status = this.querySelector<HTMLElement>('[role="status"]')!;
    const headers = [...table.tHead!.rows[0].cells];
    // Columns whose cells carry a sort key (a level's rank, a gain) can be sorted.
    const sortable = headers.flatMap((_, i) =>
      rows.some((r) => r.cells[i]?.dataset.sort !== undefined) ? [i] : [],
    );
    const groups = [...new Set(rows.map((r) => r.dataset.group ?? '').filter(Boolean))];
    const groupColumn =
      headers.find((th) => th.hasAttribute('data-groups'))?.textContent?.trim() ?? '';
    addFilters(this.querySelector<HTMLElement>('.filters')!, groupColumn, groups);
    let filter = '';
    let sortCol = -1;
    let direction: SortDirection = 'none';
    const render = () =>
      showRows({ rows, tbody, headers, sortable, status }, { filter, sortCol, direction });

    for (const i of sortable) {
      const th = headers[i];
      const label = th.textContent!.trim();
      th.dataset.label = label;
      // The header keeps its words; the button beside them only sorts (and is left out of print).
      const button = sortButton(label);
      th.append(button);
      th.setAttribute('aria-sort', 'none');
      button.addEventListener('click', () => {
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
    this.hidden = false;
  }
}

/** The filter buttons: all rows, then each group the table's rows fall into. */
function addFilters(filters: HTMLElement, groupColumn: string, groups: readonly string[]) {
  filters.setAttribute('aria-label', `按${groupColumn}筛选`);
  filters.querySelector('.filters-label')!.textContent = `${groupColumn}：`;
  for (const [value, label] of [['', '全部'], ...groups.map((g) => [g, g])]) {
    const button = document.createElement('button');
    button.type = 'button';
    button.dataset.filter = value;
    button.setAttribute('aria-pressed', String(value === ''));
    button.textContent = label;
    filters.append(button);
  }
}

function sortButton(label: string): HTMLButtonElement {
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'sort-button';
  button.setAttribute('aria-label', `按${label}排序`);
  const hint = document.createElement('span');
  hint.className = 'sort-icon';
  hint.setAttribute('aria-hidden', 'true');
  button.append(hint);
  return button;
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
