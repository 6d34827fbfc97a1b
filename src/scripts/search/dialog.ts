import {
  type ChapterResults,
  engineHits,
  type PagefindApi,
  resultsFor,
} from '../../lib/search/engine.ts';
import { excerptPieces } from '../../lib/search/excerpt.ts';
import { type Glossary, type GlossaryTerm, namesOf } from '../../lib/search/glossary.ts';
import { loosenQuery, type RankedSection } from '../../lib/search/rank.ts';
import type { SectionText } from '../../lib/search/sections.ts';
import { pageOutdated } from '../offline.ts';
import { type HighlightWhat, highlightTerms } from './highlight.ts';
// Imported as a URL and linked on first open: a plain CSS import would be hoisted into the page.
import dialogStyles from './dialog.css?url';

/** What whole matches and the term card are read from: the sections' texts and the glossary. */
interface Texts {
  sections: SectionText[];
  glossary: Glossary;
}

const base = import.meta.env.BASE_URL.replace(/\/?$/, '/');

/** The page the dialog is open on, relative to the site's base: '' on the chapter's page, 'terms/' on the term index's. */
const currentPage = () =>
  decodeURIComponent(location.pathname)
    .slice(decodeURIComponent(base).length)
    .replace(/index\.html$/, '');
let ui: SearchUi | undefined;

/*
 * Search loads in two parts that fail apart. The texts (written by the build beside Pagefind's
 * bundle, src/integrations/pagefind.ts) give the whole matches and the term card; Pagefind gives
 * only the partial matches. A load that fails is forgotten, so the next search tries it again.
 */

/** A search refused because a newer build has taken over: its files are not this page's. */
class PageOutdated extends Error {}

let texts: Promise<Texts> | undefined;
function loadTexts(): Promise<Texts> {
  const json = async <T>(file: string): Promise<T> => {
    const response = await fetch(`${base}pagefind/${file}`);
    if (!response.ok) throw new Error(`${file}: ${response.status}`);
    return response.json() as Promise<T>;
  };
  texts ??= (async () => {
    if (pageOutdated()) throw new PageOutdated();
    const [sections, glossary] = await Promise.all([
      json<SectionText[]>('chapter-sections.json'),
      json<Glossary>('chapter-glossary.json'),
    ]);
    return { sections, glossary };
  })().catch((error: unknown) => {
    texts = undefined;
    throw error;
  });
  return texts;
}

let pagefind: Promise<PagefindApi> | undefined;
/** Tries after a failure, each under an address of its own: a failed import may be remembered. */
let pagefindTries = 0;
function loadPagefind(): Promise<PagefindApi> {
  pagefind ??= (async () => {
    if (pageOutdated()) throw new PageOutdated();
    // Pagefind's bundle is written next to the site by the build; its path follows the base.
    const retry = pagefindTries++ ? `?retry=${pagefindTries}` : '';
    const api = await import(/* @vite-ignore */ `${base}pagefind/pagefind.js${retry}`);
    await api.options({ basePath: `${base}pagefind/` });
    return api as PagefindApi;
  })().catch((error: unknown) => {
    pagefind = undefined;
    throw error;
  });
  return pagefind;
}

/** Pagefind's matches for a query, or undefined where it (or a file of its index) could not load. */
const hitsFor = (query: string) =>
  loadPagefind()
    .then((api) => engineHits(api, query))
    .catch(() => undefined);

let styles: Promise<unknown> | undefined;
function loadStyles() {
  styles ??= new Promise((resolve) => {
    const link = Object.assign(document.createElement('link'), {
      rel: 'stylesheet',
      href: dialogStyles,
    });
    link.addEventListener('load', resolve);
    link.addEventListener('error', resolve);
    document.head.append(link);
  });
  return styles;
}

/**
 * `npm run dev` serves no search index (the build writes it): say so, rather than fail. Called
 * only under `import.meta.env.DEV`, so the build leaves it out.
 */
function sayNoIndexInDev(status: HTMLElement) {
  status.textContent =
    '开发服务器没有搜索索引：请运行 npm run build，再用 npm run preview（或 npm start）搜索。';
}

/** Opens the dialog; `typed` holds what the reader typed while this module was loading. */
export function openSearch(opener: HTMLElement, typed = '') {
  void loadStyles();
  ui ??= new SearchUi();
  ui.open(opener, typed);
}

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Record<string, unknown> = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children);
  return node;
}

/** What a search found, and whether Pagefind (the partial matches) was there to ask. */
interface Found {
  results: ChapterResults;
  sections: SectionText[];
  partialUnavailable: boolean;
}

/** Said after a search's count when Pagefind could not load: the whole matches are all there is. */
const PARTIAL_UNAVAILABLE = '；部分匹配暂不可用（搜索引擎未能加载）';

/** What the live region says of a search: how many sections hold the query, and what else there is. */
function statusFor(query: string, results: ChapterResults, loosened: boolean, none: boolean) {
  const more = [
    ...(results.longer?.sections.length
      ? [`${results.longer.sections.length} 个小节含术语“${results.longer.name}”`]
      : []),
    ...(results.partial.length ? [`${results.partial.length} 个部分匹配`] : []),
  ];
  const note = more.length ? `，另有 ${more.join('、')}` : '';
  if (none) return `没有找到包含“${query}”的小节${note}`;
  // Sections found through another name of the term say so on the result itself.
  const alsoOtherNames = results.whole.some((r) => !r.holdsQuery) ? '或同一术语其他名称' : '';
  return `${loosened ? '分别搜索各词：' : ''}找到 ${results.whole.length} 个包含“${query}”${alsoOtherNames}的小节${note}`;
}

class SearchUi {
  private dialog = el('dialog', { className: 'search-dialog' });
  private input = el('input', {
    type: 'search',
    id: 'search-input',
    autocomplete: 'off',
    spellcheck: false,
    placeholder: '输入术语，如 量化、推测解码、PagedAttention',
  });
  private status = el('p', { className: 'search-status' });
  private card = el('section', { className: 'search-term', hidden: true });
  private results = el('ol', { className: 'search-results' });
  /** For a query holding a term's name with other words: the term's other sections, after the whole matches. */
  private termLabel = el('p', { id: 'search-term-results-label', className: 'search-group' });
  private termResults = el('ol', { className: 'search-results search-results-term' });
  private termBox = el('div', { hidden: true }, this.termLabel, this.termResults);
  private partialToggle = el('button', { type: 'button', className: 'search-more tool-button' });
  private partialList = el('ol', {
    className: 'search-results search-results-partial',
    hidden: true,
  });
  private partialBox = el(
    'div',
    { className: 'search-partial', hidden: true },
    this.partialToggle,
    this.partialList,
  );
  private empty = el('div', { className: 'search-empty', hidden: true });
  /** Shown when a part of search could not load: runs the search again, loading what failed. */
  private retry = Object.assign(
    el('button', { type: 'button', className: 'search-more tool-button', hidden: true }, '重试'),
    {
      onclick: () => {
        this.input.focus();
        void this.run(this.input.value);
      },
    },
  );
  private opener: HTMLElement | undefined;
  private latest = 0;
  private timer = 0;
  private navigating = false;
  /** The page each section is on: the chapter's (''), or the term index's for its entries. */
  private pages = new Map<string, string>();

  constructor() {
    this.dialog.setAttribute('aria-labelledby', 'search-dialog-title');
    this.input.setAttribute('aria-describedby', 'search-dialog-hint');
    this.status.setAttribute('role', 'status');
    this.status.setAttribute('aria-live', 'polite');
    this.card.setAttribute('aria-labelledby', 'search-term-name');
    this.results.setAttribute('aria-label', '包含完整搜索词的小节');
    this.termResults.setAttribute('aria-labelledby', this.termLabel.id);
    this.partialList.setAttribute('aria-label', '部分匹配的小节');
    this.partialList.id = 'search-partial-results';
    this.partialToggle.setAttribute('aria-controls', this.partialList.id);
    this.partialToggle.setAttribute('aria-expanded', 'false');
    const close = el('button', { type: 'button', className: 'search-close tool-button' }, '关闭');
    this.dialog.append(
      el(
        'div',
        { className: 'search-head' },
        el(
          'h2',
          { id: 'search-dialog-title', className: 'search-title' },
          el('label', { htmlFor: 'search-input' }, '搜索本章'),
        ),
        close,
      ),
      this.input,
      el(
        'p',
        { id: 'search-dialog-hint', className: 'search-hint' },
        '↑ ↓ 选择结果，Enter 打开，Esc 关闭',
      ),
      this.status,
      this.retry,
      this.empty,
      this.card,
      this.results,
      this.termBox,
      this.partialBox,
    );
    document.body.append(this.dialog);
    close.addEventListener('click', () => this.dialog.close());
    this.dialog.addEventListener('click', (e) => e.target === this.dialog && this.dialog.close());
    this.dialog.addEventListener('close', () => {
      if (!this.navigating) this.opener?.focus();
      this.navigating = false;
    });
    this.input.addEventListener('input', () => {
      clearTimeout(this.timer);
      this.timer = window.setTimeout(() => this.run(this.input.value), 120);
    });
    this.partialToggle.addEventListener('click', () => {
      const show = this.partialList.hidden;
      this.partialList.hidden = !show;
      this.partialToggle.setAttribute('aria-expanded', String(show));
      if (show) this.partialList.querySelector('a')?.focus();
    });
    this.dialog.addEventListener('keydown', (e) => this.onKey(e));
  }

  open(opener: HTMLElement, typed: string) {
    this.opener = opener;
    if (!this.dialog.open) this.dialog.showModal();
    this.input.focus();
    if (typed) {
      this.input.value = typed;
      void this.run(typed);
    } else {
      this.input.select();
    }
    if (import.meta.env.DEV) sayNoIndexInDev(this.status);
    else void this.prepare();
  }

  /** Loads search while the reader types; if the texts cannot be had, says so at once. */
  private async prepare() {
    try {
      await loadTexts();
    } catch (error) {
      if (!this.input.value.trim()) this.unavailable(error);
      return;
    }
    await loadPagefind().catch(() => undefined);
  }

  private links(): HTMLAnchorElement[] {
    return [...this.dialog.querySelectorAll<HTMLAnchorElement>('.search-results a')].filter(
      (a) => a.offsetParent !== null,
    );
  }

  private onKey(e: KeyboardEvent) {
    if (e.key === 'Escape') {
      // A search field would spend the first Esc on clearing itself; Esc means close here.
      e.preventDefault();
      this.dialog.close();
      return;
    }
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
    const links = this.links();
    if (links.length === 0) return;
    e.preventDefault();
    const at = links.indexOf(document.activeElement as HTMLAnchorElement);
    if (e.key === 'ArrowDown') (links[at + 1] ?? links[at === -1 ? 0 : at]).focus();
    else if (at <= 0) this.input.focus();
    else links[at - 1].focus();
  }

  private async run(query: string, loosened = false) {
    const id = ++this.latest;
    const q = query.trim();
    if (import.meta.env.DEV) return sayNoIndexInDev(this.status);
    if (!q) return this.render(q, { whole: [], partial: [] }, false);
    let found: Found;
    try {
      found = await this.search(q, loosened);
    } catch (error) {
      if (id === this.latest) this.unavailable(error);
      return;
    }
    if (id !== this.latest) return; // a newer keystroke won
    this.render(q, found.results, loosened, found.sections);
    if (found.partialUnavailable) {
      this.status.textContent += PARTIAL_UNAVAILABLE;
      this.retry.hidden = false;
    }
  }

  /** Whole matches from the sections' texts; partial ones from Pagefind, where it could load. */
  private async search(q: string, loosened: boolean): Promise<Found> {
    const { sections, glossary } = await loadTexts();
    if (loosened) {
      // Whole matches only, and those come from the texts alone.
      const parts = loosenQuery(q).map((w) => resultsFor(w, sections, []));
      const seen = new Set<string>();
      const whole = parts.flatMap((p) => p.whole).filter((s) => !seen.has(s.id) && seen.add(s.id));
      return { results: { whole, partial: [] }, sections, partialUnavailable: false };
    }
    const hits = await hitsFor(q);
    const results = resultsFor(q, sections, hits ?? [], glossary);
    return { results, sections, partialUnavailable: hits === undefined };
  }

  /** Nothing to search with: the texts could not load. Says why, and offers to try again. */
  private unavailable(error: unknown) {
    this.render('', { whole: [], partial: [] }, false);
    const outdated = error instanceof PageOutdated;
    this.status.textContent = outdated
      ? '搜索暂不可用：本章已更新，请刷新页面后再搜索'
      : `搜索暂不可用：未能加载搜索文件${offlineNote()}，请检查网络后重试`;
    this.retry.hidden = outdated;
  }

  private render(
    query: string,
    results: ChapterResults,
    loosened: boolean,
    sections: SectionText[] = [],
  ) {
    this.retry.hidden = true;
    const byId = new Map(sections.map((s) => [s.id, s]));
    this.pages = new Map(sections.map((s) => [s.id, s.page ?? '']));
    // The term the query names, or holds with other words: its card, and the excludes its names are read with.
    const term = results.term ?? results.longer?.term;
    const item = (r: RankedSection) => this.item(r, byId.get(r.id)?.text ?? '', term);
    this.renderCard(term, byId);
    this.results.replaceChildren(...results.whole.map(item));
    const byTerm = results.longer?.sections ?? [];
    this.termResults.replaceChildren(...byTerm.map(item));
    this.termBox.hidden = byTerm.length === 0;
    this.termLabel.textContent = byTerm.length
      ? `含术语“${results.longer!.name}”的${results.whole.length ? '其他' : ''}小节`
      : '';
    this.partialList.replaceChildren(...results.partial.map(item));
    this.partialBox.hidden = results.partial.length === 0;
    this.partialList.hidden = true;
    this.partialToggle.setAttribute('aria-expanded', 'false');
    this.partialToggle.textContent = `显示 ${results.partial.length} 个部分匹配的小节`;
    // "Nothing found" is about the whole query: a few sections holding a piece of it (存 of
    // 存算一体) do not answer the reader, so they stay behind the control below the message.
    const none = query !== '' && results.whole.length === 0 && !results.term;
    this.empty.hidden = !none;
    this.empty.replaceChildren();
    this.status.textContent = query ? statusFor(query, results, loosened, none) : '';
    if (none) {
      this.empty.append(
        el('p', {}, '试试更短的词（如“量化”）、英文名称（如“TensorRT”）或相关术语。'),
      );
      const words = loosenQuery(query);
      if (words.length > 1 && !loosened) {
        const retry = el(
          'button',
          { type: 'button', className: 'search-more tool-button' },
          `改为分别搜索：${words.join('、')}`,
        );
        retry.addEventListener(
          'click',
          () => void this.run(query, true).then(() => this.links()[0]?.focus()),
        );
        this.empty.append(retry);
      }
    }
  }

  /**
   * The term the query names: its headword, other names and pinyin, with links to its entry in
   * the term index and to every place the index lists for it.
   */
  private renderCard(term: GlossaryTerm | undefined, byId: Map<string, SectionText>) {
    this.card.hidden = !term;
    if (!term) return this.card.replaceChildren();
    const names: HighlightWhat = { terms: [], names: namesOf(term), excludes: term.excludes };
    const link = (id: string, text: string, label?: string) => {
      const a = el('a', { href: this.hrefFor(id) }, text);
      if (label) a.setAttribute('aria-label', label);
      a.addEventListener('click', (e) => {
        e.preventDefault();
        this.go(id, names);
      });
      return a;
    };
    const others = namesOf(term).slice(1);
    const places = el('ul', { className: 'search-term-places' });
    for (const p of term.places) {
      // The index links a section only where its own text has the term, and names the figure rows.
      const title = byId.get(p.sectionId)?.title;
      const li = el(
        'li',
        {},
        p.inText ? link(p.sectionId, p.label, title) : el('span', {}, p.label),
      );
      if (p.rows.length) {
        li.append('（表：');
        p.rows.forEach((r, i) => li.append(...(i ? ['、'] : []), link(r.id, r.label)));
        li.append('）');
      }
      places.append(li);
    }
    this.card.replaceChildren(
      el('p', { className: 'search-term-kind' }, '术语'),
      el('h3', { id: 'search-term-name', className: 'search-term-name' }, term.name),
      ...(others.length ? [el('p', { className: 'search-term-names' }, others.join(' · '))] : []),
      ...(term.pinyin
        ? [
            Object.assign(el('p', { className: 'search-term-pinyin' }, term.pinyin), {
              lang: 'zh-Latn-pinyin',
            }),
          ]
        : []),
      el(
        'div',
        { className: 'search-term-where' },
        el('span', { className: 'search-term-label' }, '出现在'),
        places,
      ),
      Object.assign(link(term.entryId, '在术语索引中查看'), { className: 'search-term-entry' }),
    );
  }

  private item(
    result: RankedSection,
    sectionText: string,
    term: GlossaryTerm | undefined,
  ): HTMLLIElement {
    const what: HighlightWhat = {
      terms: result.terms,
      names: result.names,
      excludes: term?.excludes,
    };
    const excerpt = el('span', { className: 'search-excerpt' });
    for (const piece of excerptPieces(sectionText, result.terms, {
      names: what.names,
      excludes: what.excludes,
    }))
      excerpt.append(piece.mark ? el('mark', {}, piece.text) : piece.text);
    const title = el(
      'span',
      { className: 'search-result-title' },
      result.entry ? `术语索引：${result.title}` : result.title,
    );
    const link = el('a', { href: this.hrefFor(result.id) }, title);
    // Found through another name of the term: say which, since the query itself is not there.
    if (!result.holdsQuery && result.names.length)
      link.append(
        el('span', { className: 'search-via' }, `含${result.names.map((n) => `“${n}”`).join('')}`),
      );
    link.append(excerpt);
    link.addEventListener('click', (e) => {
      e.preventDefault();
      this.go(result.id, what);
    });
    return el('li', {}, link);
  }

  /** The page an id is on, relative to the site's base: '' for the chapter's page. */
  private pageOf(id: string): string {
    return this.pages.get(id) ?? '';
  }

  private hrefFor(id: string): string {
    const page = this.pageOf(id);
    if (page === currentPage()) return `#${id}`;
    // A whole address: a root-relative `/#…` would read as a link within this page.
    return new URL(`${base}${page}#${id}`, location.href).href;
  }

  private go(id: string, what: HighlightWhat) {
    this.navigating = true;
    this.dialog.close();
    // The term index is a page of its own: a place on the other page is reached by loading it.
    if (this.pageOf(id) !== currentPage()) {
      location.assign(this.hrefFor(id));
      return;
    }
    const target = document.getElementById(id);
    if (!target) return;
    // Ids start with digits, so no querySelector. Setting the hash scrolls (below the sticky
    // header, by scroll-padding), marks the target as :target and updates the TOC.
    location.hash = encodeURIComponent(id);
    highlightTerms(target, what);
    target.tabIndex = -1;
    target.focus({ preventScroll: true });
  }
}

/** Why a fetch failed, where the browser knows: it has no network at all. (Not in the page's
 * entry, which every reader loads, so each tool that says it has its own.) */
const offlineNote = () => (navigator.onLine ? '' : '（网络已断开）');
