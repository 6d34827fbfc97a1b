/** One section of the chapter as search sees it: the text from a heading to the next one. */
export interface SectionText {
  id: string;
  title: string;
  text: string;
}

const SKIP = '[data-pagefind-ignore], script, style, template';
const BLOCK = /^(P|LI|TD|TH|CAPTION|DIV|TR|DT|DD|UL|OL|TABLE|SECTION|FIGURE|FIGCAPTION)$/;

/**
 * Splits the indexed part of the page (`data-pagefind-body`) at every heading with an id, the
 * same boundaries Pagefind uses for sub-results, and collects each section's visible text.
 */
export function sectionTextsFromDocument(doc: Document): SectionText[] {
  const body = doc.querySelector('[data-pagefind-body]');
  if (!body) return [];
  const sections: SectionText[] = [];
  let current: SectionText | undefined;
  const visit = (node: Node) => {
    if (node.nodeType === 3) {
      if (current) current.text += node.textContent ?? '';
      return;
    }
    if (node.nodeType !== 1) return;
    const el = node as Element;
    if (el.matches(SKIP)) return;
    if (/^H[1-6]$/.test(el.tagName) && el.id) {
      current = { id: el.id, title: normaliseSpace(el.textContent ?? ''), text: '' };
      sections.push(current);
      return;
    }
    const block = BLOCK.test(el.tagName);
    if (block && current) current.text += ' ';
    el.childNodes.forEach(visit);
    if (block && current) current.text += ' ';
  };
  body.childNodes.forEach(visit);
  return sections.map((s) => ({ ...s, text: normaliseSpace(s.text) }));
}

export function normaliseSpace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
