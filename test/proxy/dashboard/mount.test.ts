/** The page is served without a token, under a strict CSP; the data behind it still needs one. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWorld, TOKEN, type World } from './apps.ts';

describe('dashboard on the admin port', () => {
  let world: World;
  beforeAll(async () => {
    world = await startWorld();
  });
  afterAll(async () => {
    await world.close();
  });

  it('serves the page and its bundled script with no token and no inline code allowed', async () => {
    const page = await fetch(`${world.adminUrl}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    const html = await page.text();
    expect(html).toContain('<script src="/dashboard/app.js" defer></script>');
    expect(html).not.toMatch(/https?:\/\//);
    const script = await fetch(`${world.adminUrl}/dashboard/app.js`);
    expect(script.headers.get('content-type')).toContain('javascript');
    const code = await script.text();
    expect(code).toContain('strangler.adminToken');
    expect(code).not.toContain('innerHTML');
    expect((await fetch(`${world.adminUrl}/dashboard/app.css`)).status).toBe(200);
  });

  it('keeps every admin endpoint behind the token', async () => {
    expect((await fetch(`${world.adminUrl}/routes`)).status).toBe(401);
    const ok = await fetch(`${world.adminUrl}/routes`, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(ok.status).toBe(200);
  });
});
