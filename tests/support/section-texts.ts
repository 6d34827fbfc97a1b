import { normaliseSpace, type SectionText } from '../../src/lib/search/sections.ts';

/*
 * The page's sections as a reader's browser shows them: the indexed part of the page
 * (`data-pagefind-body`) cut at every heading with an id and every element with an id and
 * `data-pagefind-title` (the term index's entries), the boundaries Pagefind uses for
 * sub-results. The build derives search's texts from the chapter model; this reads them back
 * from the built page, to check the two agree.
 */
const SKIP = '[data-pagefind-ignore], script, style, template';
const LABEL = /^(STRONG|B|TH)$/;
const BLOCK = /^(P|LI|TD|TH|CAPTION|DIV|TR|DT|DD|UL|OL|TABLE|SECTION|FIGURE|FIGCAPTION)$/;

/** Each section's visible text, and the text set off as labels (bold, header cells). */
export function sectionTextsFromDocument(doc: Document): SectionText[] {
  const body = doc.querySelector('[data-pagefind-body]');
  if (!body) return [];
  const sections: SectionText[] = [];
  let current: SectionText | undefined;
  let labelDepth = 0;
  const visit = (node: Node) => {
    if (node.nodeType === 3) {
      if (current) current.text += node.textContent ?? '';
      if (current && labelDepth > 0) current.labels += node.textContent ?? '';
      return;
    }
    if (node.nodeType !== 1) return;
    const el = node as Element;
    if (el.matches(SKIP)) return;
    if (/^H[1-6]$/.test(el.tagName) && el.id) {
      current = { id: el.id, title: normaliseSpace(el.textContent ?? ''), text: '', labels: '' };
      sections.push(current);
      return;
    }
    const titled = el.id ? el.getAttribute('data-pagefind-title') : null;
    if (titled) {
      // An entry of the term index: its own text is its section's, title included, as Pagefind indexes it.
      current = { id: el.id, title: normaliseSpace(titled), text: '', labels: '', entry: true };
      sections.push(current);
    }
    const block = BLOCK.test(el.tagName);
    const label = LABEL.test(el.tagName);
    if (block && current) current.text += ' ';
    if (label) labelDepth++;
    el.childNodes.forEach(visit);
    if (label) {
      labelDepth--;
      if (current) current.labels += ' | ';
    }
    if (block && current) current.text += ' ';
  };
  body.childNodes.forEach(visit);
  return sections.map((s) => ({
    ...s,
    text: normaliseSpace(s.text),
    labels: normaliseSpace(s.labels),
  }));
}
