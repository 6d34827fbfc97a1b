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
  /** The page the section is on, relative to the site's base (`terms/`); absent for the chapter's page. */
  page?: string;
}

export function normaliseSpace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
