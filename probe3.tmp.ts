import { launch } from './tests/e2e/browser.ts';
import { serve } from './tests/e2e/serve.ts';
const TEXT_SPACING = `* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; } p { margin-bottom: 2em !important; }`;
const { server, url } = await serve('dist');
const browser = await launch();
for (const route of process.argv.slice(2)) {
  for (const spacing of [false, true]) {
    const page = await browser.newPage({ viewport: { width: 320, height: 640 }, bypassCSP: true });
    await page.goto(url + route);
    if (spacing) await page.addStyleTag({ content: TEXT_SPACING });
    const info = await page.evaluate(() => {
      const width = document.documentElement.clientWidth;
      const out: string[] = [`sw ${document.documentElement.scrollWidth}`];
      for (const el of document.querySelectorAll<HTMLElement>('body *')) {
        const r = el.getBoundingClientRect();
        if (r.right > width + 1 && out.length < 8) { let p = el.parentElement, c = false; while (p && p !== document.body) { if (getComputedStyle(p).overflowX !== 'visible') { c = true; break; } p = p.parentElement; } if (!c) out.push(`${el.tagName}.${el.className} ${Math.round(r.left)}-${Math.round(r.right)} ws=${getComputedStyle(el).whiteSpace} w=${getComputedStyle(el).width}`); }
      }
      return out;
    });
    console.log(route, spacing ? 'spacing' : 'plain', info.join(' | '));
    await page.close();
  }
}
await browser.close(); server.close();
