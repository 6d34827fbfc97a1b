import path from 'node:path';

/** One thing wrong with the content, where it is, and what to do about it. */
export interface ContentProblem {
  file: string;
  line?: number;
  column?: number;
  message: string;
  hint?: string;
}

/** Paths in messages are relative to where the build runs (the project root), as editors link them. */
export const displayPath = (file: string) => path.relative(process.cwd(), file) || file;

export function formatProblem(p: ContentProblem): string {
  const at = [displayPath(p.file), p.line, p.column].filter((x) => x !== undefined).join(':');
  return `${at}: ${p.message}${p.hint ? `\n  Hint: ${p.hint}` : ''}`;
}

/** Every problem found in the content, reported at once so an author can fix them in one pass. */
export class ContentError extends Error {
  override name = 'ContentError';
  readonly problems: ContentProblem[];
  constructor(problems: ContentProblem[]) {
    // In the order an author meets them: file by file, top to bottom.
    const sorted = [...problems].sort(
      (a, b) =>
        a.file.localeCompare(b.file) ||
        (a.line ?? 0) - (b.line ?? 0) ||
        (a.column ?? 0) - (b.column ?? 0),
    );
    super(sorted.map(formatProblem).join('\n'));
    this.problems = sorted;
    // The places that matter are in the message; where in the build it was noticed would only distract.
    this.stack = `${this.name}: ${this.message}`;
  }
}
