/** A Content-Security-Policy as an ordered list of directives: name → sources. */
export type CspDirectives = Map<string, string[]>;

export function parseCsp(policy: string): CspDirectives {
  const directives: CspDirectives = new Map();
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name && !directives.has(name.toLowerCase())) directives.set(name.toLowerCase(), sources);
  }
  return directives;
}

export function serialiseCsp(directives: CspDirectives): string {
  return [...directives].map(([name, sources]) => [name, ...sources].join(' ')).join('; ');
}

/**
 * A `<meta>` policy cannot carry `frame-ancestors` (browsers ignore it there), so the header adds it.
 * Everything else stays identical: header and meta policies are both enforced, and a header that
 * lacked the meta's script hashes would block the page's inline scripts.
 */
export function headerPolicy(metaPolicy: string): string {
  const directives = parseCsp(metaPolicy);
  directives.set('frame-ancestors', ["'none'"]);
  return serialiseCsp(directives);
}

/** Headers every response gets, whatever its type. */
export const siteWideHeaders: ReadonlyArray<readonly [string, string]> = [
  ['Strict-Transport-Security', 'max-age=63072000; includeSubDomains'],
  ['X-Content-Type-Options', 'nosniff'],
  ['Referrer-Policy', 'strict-origin-when-cross-origin'],
  ['Permissions-Policy', 'camera=(), microphone=(), geolocation=(), payment=(), usb=()'],
  ['Cross-Origin-Opener-Policy', 'same-origin'],
  ['X-Frame-Options', 'DENY'],
];

export interface PagePolicy {
  /** The paths a static host serves the page at, e.g. `/chapter-14/` and `/chapter-14/index.html`. */
  paths: string[];
  /** The policy from the page's `<meta http-equiv="content-security-policy">`. */
  metaPolicy: string;
}

/** The URL paths an HTML file of the build is served at under `base`. */
export function servedPaths(base: string, file: string): string[] {
  const prefix = base.endsWith('/') ? base : base + '/';
  const index = file.match(/^(.*?)index\.html$/);
  return index ? [prefix + index[1], prefix + file] : [prefix + file];
}

/**
 * A `_headers` file (Netlify, Cloudflare Pages): site-wide headers for every path, and each page's
 * policy on that page's own paths only, so no response ever gets two policies concatenated.
 */
export function buildHeadersFile(
  base: string,
  pages: PagePolicy[],
  textFiles: { path: string; type: string }[] = [],
): string {
  const prefix = base.endsWith('/') ? base : base + '/';
  const lines = [`${prefix}*`, ...siteWideHeaders.map(([name, value]) => `  ${name}: ${value}`)];
  for (const page of pages) {
    for (const p of page.paths)
      lines.push(p, `  Content-Security-Policy: ${headerPolicy(page.metaPolicy)}`);
  }
  // Hosts guess a text file's type but rarely its charset; Chinese text read as Latin-1 is unreadable.
  // A binary file (the EPUB) gets its type alone: many hosts do not know it, and serve it as bytes.
  for (const file of textFiles)
    lines.push(
      prefix + file.path,
      `  Content-Type: ${file.type}${file.type.startsWith('text/') ? '; charset=utf-8' : ''}`,
    );
  return lines.join('\n') + '\n';
}
