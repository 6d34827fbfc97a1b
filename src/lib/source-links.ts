/**
 * Links from a section on the page to its lines in the source repository. A link is formed from a
 * pattern with placeholders, so any host's form can be written; GitHub's (which Gitea, Forgejo
 * and Codeberg share) is the default.
 */
export const LINE_LINK_FIELDS = ['url', 'branch', 'path', 'start', 'end'] as const;
type LineLinkField = (typeof LINE_LINK_FIELDS)[number];

export const DEFAULT_LINE_LINK = '{url}/blob/{branch}/{path}#L{start}-L{end}';
/** GitHub and GitLab read HEAD as the repository's default branch. */
export const DEFAULT_BRANCH = 'HEAD';

export interface RepositoryFacts {
  url: string;
  branch?: string;
  lineLink?: string;
}

const PLACEHOLDER = /\{([^{}]*)\}/g;

/** Why a line-link pattern cannot form a link, or undefined when it can. */
export function lineLinkProblem(template: string): string | undefined {
  const names = [...template.matchAll(PLACEHOLDER)].map((m) => m[1]);
  const unknown = names.filter((n) => !(LINE_LINK_FIELDS as readonly string[]).includes(n));
  if (unknown.length > 0)
    return `{${unknown[0]}} is not a placeholder; use ${LINE_LINK_FIELDS.map((f) => `{${f}}`).join(' ')}`;
  for (const needed of ['path', 'start'] as const) {
    if (!names.includes(needed))
      return `the link form has no {${needed}}, so it cannot point to a section's lines`;
  }
  const sample = fill(template, {
    url: 'https://example.org/repo',
    branch: 'main',
    path: 'content/01-summary.mdx',
    start: '1',
    end: '2',
  });
  try {
    const url = new URL(sample);
    if (url.protocol === 'https:' || url.protocol === 'http:') return undefined;
  } catch {
    // Reported below.
  }
  return 'the link form does not make an absolute http(s) URL; start it with {url} or https://';
}

function fill(template: string, values: Record<LineLinkField, string>): string {
  return template.replace(PLACEHOLDER, (_, name: LineLinkField) => values[name]);
}

/**
 * The link to lines `start`–`end` (1-based, inclusive) of a file at `path` (relative to the
 * repository's root, with `/` between folders).
 */
export function lineLink(
  repository: RepositoryFacts,
  path: string,
  start: number,
  end: number,
): string {
  return fill(repository.lineLink ?? DEFAULT_LINE_LINK, {
    url: repository.url.replace(/\/+$/, ''),
    branch: encodeURI(repository.branch ?? DEFAULT_BRANCH),
    path: path.split('/').map(encodeURIComponent).join('/'),
    start: String(start),
    end: String(end),
  });
}
