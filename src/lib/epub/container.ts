/**
 * The EPUB's zip container, written with fflate. The Open Container Format asks for `mimetype`
 * first, stored without compression and without extra fields, so a reader can tell the file's
 * type from its first bytes; every entry carries one fixed time, so two builds of one commit give
 * the same bytes.
 */
import { strToU8, type Zippable, zipSync } from 'fflate';

export const EPUB_MEDIA_TYPE = 'application/epub+zip';

export interface BookFile {
  /** The path inside the container, e.g. `EPUB/package.opf`. */
  path: string;
  data: string | Uint8Array;
}

/**
 * A zip's time is a local date and time with no zone (MS-DOS format), and fflate reads a Date's
 * local fields: so the time given is built from the instant's UTC fields, and every build machine,
 * whatever its zone, writes the same bytes.
 */
export function zipTime(instant: string): Date {
  const t = new Date(instant);
  return new Date(
    t.getUTCFullYear(),
    t.getUTCMonth(),
    t.getUTCDate(),
    t.getUTCHours(),
    t.getUTCMinutes(),
    t.getUTCSeconds(),
  );
}

/** The container: `mimetype` first and stored, then the files in the order given, deflated. */
export function epubContainer(files: readonly BookFile[], modified: string): Uint8Array {
  const mtime = zipTime(modified);
  const entries: Zippable = { mimetype: [strToU8(EPUB_MEDIA_TYPE), { level: 0, mtime }] };
  for (const file of files) {
    if (file.path === 'mimetype' || file.path in entries)
      throw new Error(`the book has ${file.path} twice`);
    const data = typeof file.data === 'string' ? strToU8(file.data) : file.data;
    entries[file.path] = [data, { level: 9, mtime }];
  }
  return zipSync(entries);
}
