import { createHash } from 'node:crypto';
import { transformSync } from 'esbuild';

/**
 * The few scripts that must run inline, before the first paint, are served minified: their
 * comments say why they run where they do, which a reader's first load need not carry. The CSP
 * hash is taken over exactly the text served, without a final newline: browsers hash the text
 * as served, and the W3C's checker drops a final newline before hashing, so only then do both
 * agree.
 */
export function inlineScript(source: string): string {
  return transformSync(source, { loader: 'js', minify: true, charset: 'utf8' }).code.trimEnd();
}

/** The CSP source that allows one inline script, e.g. `sha256-…`. */
export function inlineScriptHash(source: string): `sha256-${string}` {
  return `sha256-${createHash('sha256').update(inlineScript(source)).digest('base64')}`;
}
