import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { root } from '../../support/paths.ts';

/** A piece of TypeScript in `src/`: a whole `.ts` file, or an `.astro` file's frontmatter or `<script>`. */
export interface CodePiece {
  /** The file, relative to the project root (`src/lib/slug.ts`). */
  file: string;
  /** The line of the file the piece starts on (1 for a whole file). */
  firstLine: number;
  source: ts.SourceFile;
}

const SCRIPT_EXTENSIONS = ['.ts', '.mjs', '.js'];

/** Every source file of a folder, relative to the project root, in a stable order. */
export function filesUnder(folder: string): string[] {
  return (fs.readdirSync(path.join(root, folder), { recursive: true }) as string[])
    .map((f) => path.posix.join(folder, f.split(path.sep).join('/')))
    .filter((f) => fs.statSync(path.join(root, f)).isFile())
    .sort();
}

/** The TypeScript pieces of a file's text: all of a script file, the code blocks of an `.astro` file. */
export function codePieces(file: string, text: string): CodePiece[] {
  const piece = (code: string, firstLine: number): CodePiece => ({
    file,
    firstLine,
    source: ts.createSourceFile(file, code, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS),
  });
  if (SCRIPT_EXTENSIONS.some((ext) => file.endsWith(ext))) return [piece(text, 1)];
  if (!file.endsWith('.astro')) return [];
  const pieces: CodePiece[] = [];
  const lineAt = (offset: number) => text.slice(0, offset).split('\n').length;
  const frontmatter = /^---\n([\s\S]*?)\n---/.exec(text);
  if (frontmatter) pieces.push(piece(frontmatter[1], 2));
  for (const m of text.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g))
    pieces.push(piece(m[1], lineAt(m.index + m[0].indexOf('>') + 1)));
  return pieces;
}

/** The TypeScript pieces of every file under `src/`. */
export function sourcePieces(): CodePiece[] {
  return filesUnder('src').flatMap((f) =>
    codePieces(f, fs.readFileSync(path.join(root, f), 'utf8')),
  );
}

/** A function of the code, with where it starts and how many lines it spans. */
export interface FunctionSpan {
  name: string;
  file: string;
  line: number;
  lines: number;
}

/** The name a function is known by: its own, or that of the variable, property or method holding it. */
function nameOf(node: ts.Node): string {
  const named = node as { name?: ts.Node };
  if (named.name && ts.isIdentifier(named.name)) return named.name.text;
  if (ts.isConstructorDeclaration(node)) return 'constructor';
  const parent = node.parent;
  if (parent && (ts.isVariableDeclaration(parent) || ts.isPropertyAssignment(parent)))
    return ts.isIdentifier(parent.name) ? parent.name.text : parent.name.getText();
  if (parent && ts.isCallExpression(parent))
    return `(callback of ${parent.expression.getText().slice(0, 40)})`;
  return '(anonymous)';
}

/**
 * Every function of a piece of code, nested ones included, each measured from its first line to
 * its last (a function's length counts the functions written inside it).
 */
export function functionSpans({ file, firstLine, source }: CodePiece): FunctionSpan[] {
  const spans: FunctionSpan[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isFunctionLike(node) && 'body' in node && node.body) {
      const start = source.getLineAndCharacterOfPosition(node.getStart(source)).line;
      const end = source.getLineAndCharacterOfPosition(node.getEnd()).line;
      spans.push({ name: nameOf(node), file, line: firstLine + start, lines: end - start + 1 });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return spans;
}

/** Every module a piece of code imports: static imports and re-exports, and `import()`. */
export function importsOf({ source }: CodePiece): string[] {
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if (
      (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) &&
      node.moduleSpecifier &&
      ts.isStringLiteral(node.moduleSpecifier)
    )
      found.push(node.moduleSpecifier.text);
    if (
      ts.isCallExpression(node) &&
      node.expression.kind === ts.SyntaxKind.ImportKeyword &&
      node.arguments[0] &&
      ts.isStringLiteralLike(node.arguments[0])
    )
      found.push(node.arguments[0].text);
    if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) {
      const literal = node.argument.literal;
      if (ts.isStringLiteral(literal)) found.push(literal.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}
