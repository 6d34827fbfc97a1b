/**
 * The book's one stylesheet. It sets no font, size or colour: a reading system brings its own CJK
 * fonts, the reader's size, and light, sepia or dark themes, and a book that forced any of them
 * would fight it. Rules use `currentColor` and relative units, so they follow whatever the
 * reader chose. Links keep their underline: in a reader's theme, colour alone may not tell them
 * from the text (WCAG 1.4.1). The index's letters are targets of at least 24 px (WCAG 2.5.8).
 */
export const BOOK_STYLESHEET = `@charset "UTF-8";
body { line-height: 1.7; }
h1, h2, h3 { line-height: 1.35; page-break-after: avoid; break-after: avoid; }
table { border-collapse: collapse; margin: 1em 0; }
caption { font-weight: bold; text-align: start; padding-block: 0.3em; }
th, td { border: 1px solid; padding: 0.25em 0.45em; text-align: start; vertical-align: top; }
.reference { padding-inline-start: 2em; text-indent: -2em; }
.backrefs { font-size: smaller; }
.term-places { margin: 0; padding-inline-start: 1.2em; }
.term-gloss, .term-rows { font-size: smaller; }
.term-index-letters ul, nav ol { list-style: none; padding-inline-start: 1em; }
.term-index-letters li { display: inline-block; }
.term-index-letters a { display: inline-block; min-inline-size: 1.75em; min-block-size: 1.75em; text-align: center; }
pre { white-space: pre-wrap; }
`;
