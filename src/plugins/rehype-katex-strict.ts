import type { Root } from 'hast';
import rehypeKatex, { type Options } from 'rehype-katex';
import type { VFile } from 'vfile';

/**
 * rehype-katex turns a TeX error into red text and a vfile warning, so a broken formula would
 * ship silently. This runs it and fails the file on the first such warning, naming the line.
 * MathML output: KaTeX's HTML output needs inline styles, which the page's CSP forbids.
 */
export default function rehypeKatexStrict(options: Options = {}) {
  const transform = rehypeKatex.call(undefined as never, { output: 'mathml', ...options }) as (
    tree: Root,
    file: VFile,
  ) => void;
  return (tree: Root, file: VFile) => {
    const before = file.messages.length;
    transform(tree, file);
    const error = file.messages.slice(before).find((m) => m.source === 'rehype-katex');
    if (error) {
      file.fail(
        `KaTeX could not render a formula: ${error.cause instanceof Error ? error.cause.message : error.reason}`,
        error.place ?? undefined,
        'rehype-katex-strict:parse-error',
      );
    }
  };
}
