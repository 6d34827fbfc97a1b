/** One section of the chapter as search sees it: the text from a heading to the next one. */
export interface SectionText {
  id: string;
  title: string;
  text: string;
  /** Text the chapter sets off as a label: bold lead-ins, header cells. A term found here is what the section is about. */
  labels: string;
}

export function normaliseSpace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
