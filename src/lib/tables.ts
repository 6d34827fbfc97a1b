import { slugForHeading } from './slug.ts';

/**
 * The caption of a table, from what introduces it in the chapter: a bold lead line such as
 * `**1. 重大技术里程碑**：` right above the table, else the heading it sits under.
 * Leading list numbers (`1. `) and section numbers (`14.1.1 `) and trailing colons are dropped.
 */
export function captionFrom(lead: string | undefined, heading: string): string {
  const source = lead && lead.trim() ? lead : heading;
  return source
    .trim()
    .replace(/[：:]\s*$/, '')
    .replace(/^\d+\.\s+/, '')
    .replace(/^\d+(?:\.\d+)+\s+/, '')
    .trim();
}

export function captionId(caption: string): string {
  return 'tbl-' + slugForHeading(caption);
}
