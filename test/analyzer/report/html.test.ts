import { describe, expect, it } from 'vitest';
import { renderHtml } from '../../../analyzer/report/html.ts';
import { loadFixture } from './fixture.ts';

describe('report.html (the file itself)', () => {
  it('is one self-contained page: no external script, style, image or link', async () => {
    const [file] = await renderHtml(loadFixture());
    expect(file!.path).toBe('report.html');
    const page = file!.contents;
    expect(page).not.toMatch(/<(script|img|link|iframe)[^>]+(src|href)=/i);
    expect(page).not.toMatch(/url\(\s*['"]?https?:/i);
    expect(page).toContain('cytoscape');
    expect(page.match(/<script\b/g)).toHaveLength(3);
  });

  it('embeds the analysis so that no string in it can close the script element', async () => {
    const analysis = loadFixture();
    analysis.warnings.push({
      code: 'PARSE_ERROR',
      file: 'src/x.ts',
      message: '</script><script>alert(1)</script>',
    });
    const page = (await renderHtml(analysis))[0]!.contents;
    expect(page.match(/<script\b/g)).toHaveLength(3);
    const json = page.match(/<script type="application\/json" id="analysis-data">(.*?)<\/script>/s)![1]!;
    expect(JSON.parse(json).warnings.at(-1).message).toBe('</script><script>alert(1)</script>');
    expect(page).toContain('&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;');
  });
});
