/**
 * The EPUB's package document (OPF): what the book is (metadata), what it holds (manifest) and
 * in which order it reads (spine). Metadata comes from the chapter's facts and history only: a
 * fact the facts file leaves out is left out here, never filled in.
 */
import { v5 as uuidV5 } from 'uuid';
import { x } from 'xastscript';
import { toXml } from 'xast-util-to-xml';

export interface BookFacts {
  title: string;
  lang: string;
  /** The web edition's address: the book's identifier is made from it. */
  url: string;
  /** The last change of the text, UTC to the second (YYYY-MM-DDThh:mm:ssZ). */
  modified: string;
  description?: string;
  authors?: string[];
  /** YYYY-MM-DD, YYYY-MM or YYYY. */
  published?: string;
  /** An SPDX licence identifier, and the page that states it. */
  license?: { id: string; url: string };
  partOf?: string;
  keywords?: string[];
  /** The accessibility features the book has (schema.org's names), and its summary in words. */
  accessibilityFeatures: string[];
  accessibilitySummary: string;
}

export interface ManifestItem {
  id: string;
  href: string;
  mediaType: string;
  /** `nav`, `mathml` …: what epubcheck requires declared of a content document. */
  properties?: string[];
  /** In the spine, in this order; `false` keeps a file out of the reading order. */
  inSpine: boolean;
}

/**
 * The book's identifier: a name-based UUID (RFC 9562, version 5, in the URL namespace) of the
 * web edition's address. The same address always gives the same identifier, so every build of
 * the chapter, whenever made, is the same book to a reading system, and a deploy at another
 * address is another book.
 */
export function bookIdentifier(url: string): string {
  return `urn:uuid:${uuidV5(url, uuidV5.URL)}`;
}

const meta = (property: string, value: string) => x('meta', { property }, value);

/** The metadata that is known; what is not is absent. */
function metadataOf(book: BookFacts) {
  return x('metadata', { 'xmlns:dc': 'http://purl.org/dc/elements/1.1/' }, [
    x('dc:identifier', { id: 'book-id' }, bookIdentifier(book.url)),
    x('dc:title', book.title),
    x('dc:language', book.lang),
    meta('dcterms:modified', book.modified),
    ...(book.authors ?? []).map((name) => x('dc:creator', name)),
    ...(book.published ? [x('dc:date', book.published)] : []),
    ...(book.license
      ? [
          x('dc:rights', book.license.id),
          x('link', { rel: 'dcterms:license', href: book.license.url }),
        ]
      : []),
    ...(book.partOf ? [meta('dcterms:isPartOf', book.partOf)] : []),
    ...(book.description ? [x('dc:description', book.description)] : []),
    ...(book.keywords ?? []).map((k) => x('dc:subject', k)),
    x('dc:source', book.url),
    ...accessibilityOf(book),
  ]);
}

/**
 * EPUB Accessibility metadata (schema.org's vocabulary): a book of text alone, read fully as text,
 * with no hazard, and a claim of EPUB Accessibility 1.1 at WCAG 2.2 AA that the build's tests back
 * (epubcheck, axe on each page). No `a11y:certifiedBy`: nobody but those tests has evaluated it.
 */
function accessibilityOf(book: BookFacts) {
  return [
    meta('schema:accessMode', 'textual'),
    meta('schema:accessModeSufficient', 'textual'),
    ...book.accessibilityFeatures.map((f) => meta('schema:accessibilityFeature', f)),
    meta('schema:accessibilityHazard', 'none'),
    meta('schema:accessibilitySummary', book.accessibilitySummary),
    meta('dcterms:conformsTo', 'EPUB Accessibility 1.1 - WCAG 2.2 Level AA'),
  ];
}

/** The package document: EPUB 3, `zh-CN`, its metadata, manifest and spine. */
export function packageDocument(book: BookFacts, items: ManifestItem[]): string {
  const pkg = x(
    'package',
    {
      xmlns: 'http://www.idpf.org/2007/opf',
      version: '3.0',
      'unique-identifier': 'book-id',
      'xml:lang': book.lang,
    },
    [
      metadataOf(book),
      x(
        'manifest',
        items.map((item) =>
          x('item', {
            id: item.id,
            href: item.href,
            'media-type': item.mediaType,
            ...(item.properties?.length ? { properties: item.properties.join(' ') } : {}),
          }),
        ),
      ),
      x(
        'spine',
        items.filter((i) => i.inSpine).map((i) => x('itemref', { idref: i.id })),
      ),
    ],
  );
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' + toXml(pkg, { closeEmptyElements: true }) + '\n'
  );
}

/** `META-INF/container.xml`: where the package document is. */
export function containerDocument(opfPath: string): string {
  const container = x(
    'container',
    { version: '1.0', xmlns: 'urn:oasis:names:tc:opendocument:xmlns:container' },
    [
      x('rootfiles', [
        x('rootfile', { 'full-path': opfPath, 'media-type': 'application/oebps-package+xml' }),
      ]),
    ],
  );
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    toXml(container, { closeEmptyElements: true }) +
    '\n'
  );
}
