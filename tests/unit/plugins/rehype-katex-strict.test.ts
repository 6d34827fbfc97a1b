import { describe, expect, it } from 'vitest';
import { renderMarkdown } from './pipeline.ts';

describe('rehype-katex-strict', () => {
  it('renders inline and display math as MathML, with no inline styles (the CSP forbids them)', async () => {
    const html = await renderMarkdown(
      '吞吐量 $T = \\frac{B}{t}$。\n\n$$\nS = \\sum_{i=1}^{n} x_i\n$$',
    );
    expect(html).toContain('<math');
    expect(html).toContain('<mfrac>');
    expect(html).toContain('display="block"');
    expect(html).not.toMatch(/style="/);
    expect(html).not.toContain('katex-html');
  });

  it('fails the build on a TeX error instead of shipping red text', async () => {
    await expect(
      renderMarkdown('错误 $\\frac{1}{$ 公式', { path: '/content/02-fixture.mdx' }),
    ).rejects.toThrow(/KaTeX could not render a formula/);
  });
});
