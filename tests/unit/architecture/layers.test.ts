import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { root } from '../../support/paths.ts';
import { type CodePiece, codePieces, filesUnder, importsOf } from './code.ts';

/**
 * What each folder of src/ may import. The layers run lib < chapter < plugins < integrations and
 * components < layouts < pages: the model (chapter/) reads only content/ and lib/; plugins and
 * pages read the model. Client scripts run in the reader's browser and import only lib/ and
 * other scripts; components, layouts and pages bundle them and the stylesheets. Files directly in
 * src/ declare virtual modules and may name the model's types.
 */
const MAY_IMPORT: Record<string, readonly string[]> = {
  lib: ['lib'],
  chapter: ['lib', 'chapter'],
  plugins: ['lib', 'chapter', 'plugins'],
  integrations: ['lib', 'chapter', 'plugins', 'integrations'],
  components: ['lib', 'chapter', 'components', 'scripts', 'styles'],
  layouts: ['lib', 'chapter', 'components', 'layouts', 'scripts', 'styles'],
  pages: ['lib', 'chapter', 'components', 'layouts', 'pages', 'scripts', 'styles'],
  scripts: ['lib', 'scripts'],
  styles: ['styles'],
  '.': ['lib', 'chapter'],
};

/** Modules that are not files: the chapter model, handed to pages by an integration. */
const VIRTUAL: Record<string, string> = { 'virtual:chapter-model': 'chapter' };

/** The layer a file of src/ belongs to: its first folder (`.` for a file directly in src/). */
const layerOf = (file: string) => {
  const [, first, ...rest] = file.split('/');
  return rest.length === 0 ? '.' : first;
};

/** Each import of a piece of code that reaches into a layer its own may not import from. */
function wrongImports(piece: CodePiece): string[] {
  const from = layerOf(piece.file);
  const allowed = MAY_IMPORT[from];
  if (!allowed) return [`${piece.file}: ${from}/ is not a layer of src/ (add it to MAY_IMPORT)`];
  return importsOf(piece).flatMap((specifier) => {
    const target = specifier.startsWith('.')
      ? path.posix.normalize(path.posix.join(path.posix.dirname(piece.file), specifier))
      : VIRTUAL[specifier.split('?')[0]] && `src/${VIRTUAL[specifier.split('?')[0]]}/`;
    // Packages are not layers of the site.
    if (!target) return [];
    const to = target.startsWith('src/') ? layerOf(target) : 'outside src/';
    return allowed.includes(to)
      ? []
      : [`${piece.file} imports ${specifier} (${to}): ${from} may import ${allowed.join(', ')}`];
  });
}

describe('layers', () => {
  it('no file of src/ imports from a layer above its own', () => {
    const pieces = filesUnder('src').flatMap((f) =>
      codePieces(f, fs.readFileSync(path.join(root, f), 'utf8')),
    );
    expect(pieces.length).toBeGreaterThan(50);
    expect(pieces.flatMap(wrongImports)).toEqual([]);
  });

  it('catches a wrong import in any form: static, re-exported, typed, dynamic, in an .astro script', () => {
    const wrong = [
      codePieces(
        'src/chapter/model.ts',
        "import rehypeFigures from '../plugins/rehype-figures.ts';",
      ),
      codePieces('src/chapter/model.ts', "export { x } from '../pages/index.astro';"),
      codePieces('src/lib/slug.ts', "type M = import('../chapter/model.ts').ChapterModel;"),
      codePieces('src/lib/slug.ts', "import model from 'virtual:chapter-model';"),
      codePieces('src/scripts/a.ts', "void import('../components/Figure.astro');"),
      codePieces('src/plugins/a.ts', "import '../../tests/support/paths.ts';"),
      codePieces(
        'src/components/A.astro',
        "---\nconst a = 1;\n---\n<script>\n  import { x } from '../integrations/pagefind.ts';\n</script>",
      ),
    ].flat();
    expect(wrong.flatMap(wrongImports)).toEqual([
      'src/chapter/model.ts imports ../plugins/rehype-figures.ts (plugins): chapter may import lib, chapter',
      'src/chapter/model.ts imports ../pages/index.astro (pages): chapter may import lib, chapter',
      'src/lib/slug.ts imports ../chapter/model.ts (chapter): lib may import lib',
      'src/lib/slug.ts imports virtual:chapter-model (chapter): lib may import lib',
      'src/scripts/a.ts imports ../components/Figure.astro (components): scripts may import lib, scripts',
      'src/plugins/a.ts imports ../../tests/support/paths.ts (outside src/): plugins may import lib, chapter, plugins',
      'src/components/A.astro imports ../integrations/pagefind.ts (integrations): components may import lib, chapter, components, scripts, styles',
    ]);
  });

  it('lets each layer import the layers below it and packages', () => {
    const right = [
      codePieces('src/pages/index.astro', "---\nimport chapter from 'virtual:chapter-model';\n---"),
      codePieces('src/plugins/a.ts', "import { x } from '../chapter/figures.ts';"),
      codePieces('src/scripts/reader/a.ts', "import { y } from '../../lib/slug.ts';"),
      codePieces('src/chapter/a.ts', "import { unified } from 'unified';"),
    ].flat();
    expect(right.flatMap(wrongImports)).toEqual([]);
  });
});
