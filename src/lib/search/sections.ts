/** One section of the chapter as search sees it: the text from a heading to the next one. */
export interface SectionText {
  id: string;
  title: string;
  text: string;
  /** Text the chapter sets off as a label: bold lead-ins, header cells. A term found here is what the section is about. */
  labels: string;
  /**
   * Set on an entry of the term index (an element with an id and `data-pagefind-title`, not a
   * heading): it points at the sections that hold the term, so it ranks after them.
   */
  entry?: true;
}

const SKIP = '[data-pagefind-ignore], script, style, template';
const LABEL = /^(STRONG|B|TH)$/;
const BLOCK = /^(P|LI|TD|TH|CAPTION|DIV|TR|DT|DD|UL|OL|TABLE|SECTION|FIGURE|FIGCAPTION)$/;

/**
 * Splits the indexed part of the page (`data-pagefind-body`) at every heading with an id and
 * every element with an id and `data-pagefind-title` (the term index's entries), the same
 * boundaries Pagefind uses for sub-results, and collects each section's visible text.
 */
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
      // The entry's own text is its section's, title included, as Pagefind indexes it.
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
  return sections.map((s) => ({ ...s, text: normaliseSpace(s.text), labels: normaliseSpace(s.labels) }));
}

export function normaliseSpace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
