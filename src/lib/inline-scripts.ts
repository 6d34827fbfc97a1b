import { createHash } from 'node:crypto';

/**
 * The few scripts that must run inline, before the first paint, are served as their file's text
 * without its final newline, and their CSP hash is taken over exactly that text: browsers hash
 * the text as served, and the W3C's checker drops a final newline before hashing, so only then do
 * both agree.
 */
export function inlineScript(source: string): string {
  return source.trimEnd();
}

/** The CSP source that allows one inline script, e.g. `sha256-…`. */
export function inlineScriptHash(source: string): `sha256-${string}` {
  return `sha256-${createHash('sha256').update(inlineScript(source)).digest('base64')}`;
}
