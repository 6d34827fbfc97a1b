import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { unzipSync } from 'fflate';
import { DOMParser } from 'linkedom';
import { prepareChapter } from '../../src/chapter/read-chapter.ts';
import { javaPath } from './nu-checker.ts';
import { contentDir, distDir } from './paths.ts';

// epubcheck, the EPUB validator the standard's editors maintain, from Debian's `epubcheck` package
// (scripts/ensure-browsers.sh installs it), run as a jar on Debian's Java: its /usr/bin/epubcheck
// runs the jar directly, which works only where binfmt is set up.
export const epubcheckJar = process.env.EPUBCHECK_JAR ?? '/usr/share/java/epubcheck.jar';

/** The built book's path in a build. */
export const bookPath = (dir = distDir) => path.join(dir, prepareChapter(contentDir).epubFile);

/** epubcheck's verdict on a book: its exit code and what it printed. */
export async function epubcheck(file: string): Promise<{ code: number; output: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(javaPath, ['-jar', epubcheckJar, file], {
      maxBuffer: 16 * 1024 * 1024,
    });
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: e.code ?? -1, output: `${e.stdout ?? ''}${e.stderr ?? ''}` };
  }
}

/** A book's files by their path in the container. */
export function bookEntries(file = bookPath()): Record<string, Uint8Array> {
  return unzipSync(fs.readFileSync(file));
}

const text = (data: Uint8Array) => new TextDecoder().decode(data);
const xml = (data: Uint8Array) =>
  new DOMParser().parseFromString(text(data), 'text/xml') as unknown as Document;

/** A book as a reading system opens it: its package document and its XHTML in reading order. */
export interface OpenedBook {
  opf: Document;
  /** The package document's folder inside the container, e.g. `EPUB/`. */
  root: string;
  /** Each spine item: its path relative to the package document, and its document. */
  spine: { href: string; doc: Document }[];
  entries: Record<string, Uint8Array>;
}

/** Opens a book by its container: META-INF/container.xml → the package document → the spine. */
export function openBook(entries = bookEntries()): OpenedBook {
  const container = xml(entries['META-INF/container.xml']);
  const opfPath = container.querySelector('rootfile')!.getAttribute('full-path')!;
  const opf = xml(entries[opfPath]);
  const root = opfPath.slice(0, opfPath.lastIndexOf('/') + 1);
  const hrefOf = new Map(
    [...opf.querySelectorAll('manifest item')].map((i) => [
      i.getAttribute('id')!,
      i.getAttribute('href')!,
    ]),
  );
  const spine = [...opf.querySelectorAll('spine itemref')].map((ref) => {
    const href = hrefOf.get(ref.getAttribute('idref')!)!;
    return { href, doc: xml(entries[root + href]) };
  });
  return { opf, root, spine, entries };
}

/** The text of one metadata element of the package document (`dc:title`, or a meta's property). */
export function metadata(opf: Document, name: string): string[] {
  const elements = name.startsWith('dc:')
    ? [...opf.getElementsByTagName(name)]
    : [...opf.querySelectorAll(`meta[property="${name}"]`)];
  return elements.map((el) => el.textContent ?? '');
}
