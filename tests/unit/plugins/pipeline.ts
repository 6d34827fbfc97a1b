import type { Element, Root as HastRoot } from 'hast';
import type { MdxJsxFlowElementHast } from 'mdast-util-mdx-jsx';
import rehypeStringify from 'rehype-stringify';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { type PluggableList, unified } from 'unified';
import { visit } from 'unist-util-visit';
import { VFile } from 'vfile';
import type { ChapterSection } from '../../../src/chapter/model.ts';
import { chapterPlugins, type ChainInput } from '../../../src/plugins/index.ts';

/** MDX nodes the page's compiler keeps for itself; the chain sees them as Astro's MDX hands them over. */
const MDX_NODES = [
  'mdxjsEsm',
  'mdxFlowExpression',
  'mdxJsxFlowElement',
  'mdxJsxTextElement',
  'mdxTextExpression',
];

/** Shows a JSX element as a plain element with its attributes, so the test can read what the component is given. */
function rehypeShowElements() {
  return (tree: HastRoot) => {
    visit(tree, (node, index, parent) => {
      if (node.type !== 'mdxJsxFlowElement' || !parent || index === undefined) return;
      const jsx = node as MdxJsxFlowElementHast;
      const properties = Object.fromEntries(
        jsx.attributes.flatMap((a) =>
          a.type === 'mdxJsxAttribute' ? [[`data-${a.name}`, String(a.value)]] : [],
        ),
      );
      const shown: Element = {
        type: 'element',
        tagName: `x-${(jsx.name ?? 'fragment').toLowerCase()}`,
        properties,
        children: jsx.children as Element['children'],
      };
      parent.children[index] = shown;
    });
  };
}

/** The chapter's plugin chain (the one astro.config.mjs uses), on an MDX string, to HTML. */
export async function renderMarkdown(
  markdown: string,
  options: Partial<Omit<ChainInput, 'sections'>> & {
    /** Each section's record, with what the test is about. */
    sections?: readonly (Partial<ChainInput['sections'][number]> &
      Pick<ChapterSection, 'heading'>)[];
    path?: string;
  } = {},
): Promise<string> {
  const chain = chapterPlugins({
    citations: options.citations ?? { references: [], sites: [] },
    figures: options.figures ?? [],
    sections: (options.sections ?? []) as ChainInput['sections'],
    ...(options.updated ? { updated: options.updated } : {}),
  });
  const file = new VFile({ value: markdown, path: options.path ?? '/content/01-fixture.mdx' });
  const out = await unified()
    .use(remarkParse)
    .use(remarkMdx)
    .use(chain.remarkPlugins as PluggableList)
    .use(remarkRehype, { passThrough: MDX_NODES } as Parameters<typeof remarkRehype>[1])
    .use(chain.rehypePlugins as PluggableList)
    .use(rehypeShowElements)
    .use(rehypeStringify)
    .process(file);
  return String(out);
}
