// The explorer in a real browser: Debian's Chromium (/usr/bin/chromium) driven by
// playwright-core, against `vlkg serve` on the samples loaded into a fresh store.
//
//   node tests/browser/explorer.mjs        (npm run test:browser; .ci/run runs it)
//
// Every request the pages make must go to the server under test (anything else is
// aborted and fails the run: the explorer has to work with no network), and no page may
// log a console error. Screenshots go to $VLKG_SCREENSHOTS (default build/screenshots);
// `VLKG_SCREENSHOTS=docs/img npm run test:browser` refreshes the README's.
// Environment: CHROMIUM (default /usr/bin/chromium), VLKG (default .venv/bin/vlkg).
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const VLKG = process.env.VLKG || join(ROOT, '.venv', 'bin', 'vlkg');
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const SHOTS = join(ROOT, process.env.VLKG_SCREENSHOTS || join('build', 'screenshots'));

const freePort = () =>
  new Promise((resolve, reject) => {
    const srv = createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });

async function waitFor(url, seconds = 60) {
  const until = Date.now() + seconds * 1000;
  for (;;) {
    try {
      const r = await fetch(url);
      if (r.ok) return;
    } catch {
      // not up yet
    }
    if (Date.now() > until) throw new Error(`${url} did not answer within ${seconds} s`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

const results = [];
async function check(name, fn) {
  try {
    await fn();
    results.push([name, null]);
    console.log(`ok   ${name}`);
  } catch (error) {
    results.push([name, error]);
    console.log(`FAIL ${name}\n     ${String(error.stack || error).split('\n').slice(0, 6).join('\n     ')}`);
  }
}

const data = mkdtempSync(join(tmpdir(), 'vlkg-browser-'));
const env = { ...process.env, VLKG_STORE: 'embedded', VLKG_DATA_DIR: data };
const ingest = spawnSync(VLKG, ['ingest', join(ROOT, 'samples')], { env, encoding: 'utf8' });
if (ingest.status !== 0) {
  console.error(ingest.stdout, ingest.stderr);
  throw new Error(`vlkg ingest samples/ exited ${ingest.status}`);
}
const port = await freePort();
const base = `http://127.0.0.1:${port}`;
const server = spawn(VLKG, ['serve', '--host', '127.0.0.1', '--port', String(port)], { env, stdio: ['ignore', 'ignore', 'pipe'] });
let serverLog = '';
server.stderr.on('data', (chunk) => (serverLog += chunk));
let browser;
try {
  await waitFor(`${base}/health`);
  mkdirSync(SHOTS, { recursive: true });
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] });
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-GB' });
  const outside = [];
  const errors = [];
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.origin === base || url.protocol === 'data:' || url.protocol === 'blob:') return route.continue();
    outside.push(route.request().url());
    return route.abort();
  });
  const page = await context.newPage();
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(`${page.url()}: ${msg.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`${page.url()}: ${error.message}`));
  const ready = () => page.waitForSelector('body[data-ready=true]', { timeout: 20000 });
  const summary = () => page.locator('#summary').textContent();
  const shot = (name, options = {}) => page.screenshot({ path: join(SHOTS, `explorer-${name}.png`), ...options });

  await check('the map shows the sample partnerships', async () => {
    await page.goto(`${base}/`);
    await ready();
    assert.equal(await page.title(), 'vlkg explorer — Vietnam–Laos provincial partnerships');
    assert.match(await summary(), /^7 partnerships between 5 Vietnamese and 5 Lao provinces/);
    assert.equal(await page.locator('path.link').count(), 7);
    assert.equal(await page.locator('path.country').count(), 6); // VN, LA and four neighbours
    assert.equal(await page.locator('#links tr').count(), 7);
    for (const name of ['Khăm Muộn', 'Cà Mau', 'Hà Tĩnh', 'Sê Kông']) {
      assert.ok(await page.locator('.prov-label', { hasText: name }).count(), `label ${name}`);
    }
    const km = page.locator('.leaflet-marker-icon[data-province=khammouane]');
    assert.equal(await km.getAttribute('aria-label'), 'Khăm Muộn (Khammouane), Laos: 2 partners');
    assert.equal(await km.getAttribute('role'), 'button');
    await shot('map');
  });

  await check('filters: kind, years, confidence and today’s units ask /network again', async () => {
    await page.getByLabel('agreement', { exact: true }).uncheck();
    await page.waitForFunction(() => document.querySelector('#summary').textContent.startsWith('3 partnerships'));
    assert.equal(await page.locator('path.link').count(), 3); // aid or visits without agreement kind
    assert.match(page.url(), /kind=aid&kind=visit/);
    await page.getByLabel('agreement', { exact: true }).check();
    await page.locator('#since').focus();
    await page.keyboard.press('End'); // since = the last year: 2024
    await page.waitForFunction(() => document.querySelector('#summary').textContent.startsWith('2 partnerships'));
    assert.equal(await page.locator('#since-out').textContent(), '2024');
    await page.locator('#until').focus(); // until follows since upwards; clear both
    await page.getByRole('button', { name: 'Reset filters' }).click();
    await page.waitForFunction(() => document.querySelector('#summary').textContent.startsWith('7 partnerships'));
    await page.locator('#confidence').fill('0.95');
    await page.waitForFunction(() => document.querySelector('#summary').textContent.startsWith('No partnership'));
    await page.locator('#confidence').fill('0');
    await page.getByLabel('Today’s units (after the 1 July 2025 mergers)').check();
    await page.waitForFunction(() => /shown on today’s units/.test(document.querySelector('#summary').textContent));
    assert.equal(await page.locator('path.link.inherited').count(), 6);
    const row = page.locator('#links tr[data-la=attapeu]');
    assert.match(await row.textContent(), /Quảng Ngãi[\s\S]*inherited via Kon Tum/);
    await shot('today');
    await page.getByLabel('As the articles name them').check();
    await page.waitForFunction(() => document.querySelectorAll('path.link.inherited').length === 0);
  });

  await check('clicking Khammouane opens its page: Cà Mau and Hà Tĩnh with their evidence', async () => {
    await page.locator('.leaflet-marker-icon[data-province=khammouane]').click();
    await page.waitForURL(`${base}/explore/province/khammouane`);
    await ready();
    assert.equal(await page.locator('h1').textContent(), 'Khăm Muộn (Khammouane · ຄຳມ່ວນ)');
    const partners = page.locator('#partners .card.partner');
    assert.equal(await partners.count(), 2);
    for (const [id, name, sentence] of [
      ['ca-mau', 'Cà Mau', /Cà Mau.*Khăm Muộn/],
      ['ha-tinh', 'Hà Tĩnh', /Hà Tĩnh/],
    ]) {
      const card = page.locator(`#partners .card[data-id=${id}]`);
      assert.match(await card.locator('h3').textContent(), new RegExp(name));
      const quote = card.locator('blockquote').first();
      assert.ok(await quote.isVisible(), `${name}: evidence shown`);
      assert.match(await quote.textContent(), sentence);
      assert.match(await card.locator('.cite a').first().getAttribute('href'), /^\/explore\/article\/[0-9a-f]{16}$/);
    }
    assert.match(await page.locator('#projects .totals').textContent(), /USD[\s\S]*VND/);
    assert.ok((await page.locator('#timeline .timeline > li').count()) >= 3);
    assert.ok((await page.locator('#agreements .card').count()) >= 1);
    assert.ok(await page.locator('#graph canvas').count(), 'neighbourhood graph drawn');
    await shot('province', { fullPage: true });
  });

  await check('a partner with more evidence than a page: “more evidence” adds the next page', async () => {
    // The samples state each partnership once, so the partners answer is dressed here: Hà
    // Tĩnh gets 7 sentences, served 5 then 2 as the API pages them (sources_limit/offset).
    const asked = [];
    await page.route(/\/province\/khammouane\/partners\?/, async (route) => {
      const url = new URL(route.request().url());
      asked.push(url.search);
      const body = await (await route.fetch()).json();
      const offset = Number(url.searchParams.get('sources_offset') || 0);
      const limit = Number(url.searchParams.get('sources_limit'));
      for (const x of body.partners.filter((q) => q.province.id === 'ha-tinh')) {
        const all = Array.from({ length: 7 }, (_, i) => ({ ...x.sources[0], sentence: `Câu chứng cứ thứ ${i + 1}.` }));
        x.sources = all.slice(offset, offset + limit);
        x.sources_total = all.length;
      }
      await route.fulfill({ json: body });
    });
    try {
      await page.goto(`${base}/explore/province/khammouane`);
      await ready();
      const card = page.locator('#partners .card[data-id=ha-tinh]');
      assert.equal(await card.locator('blockquote').count(), 5);
      assert.equal(await card.locator('summary').textContent(), 'Evidence (5 of 7)');
      await card.getByRole('button', { name: 'More evidence (2 more)' }).click();
      await page.waitForFunction(() => document.querySelectorAll('.card[data-id=ha-tinh] blockquote').length === 7);
      assert.equal(await card.locator('blockquote').last().textContent(), 'Câu chứng cứ thứ 7.');
      assert.equal(await card.locator('summary').textContent(), 'Evidence (7)');
      assert.equal(await card.locator('button.more-evidence').count(), 0);
      assert.equal(await page.locator('#partners .card[data-id=ca-mau] button.more-evidence').count(), 0);
      assert.match(asked[0], /sources_limit=5/);
      assert.match(asked[1], /sources_limit=20&sources_offset=5/);
    } finally {
      await page.unroute(/\/province\/khammouane\/partners\?/);
    }
  });

  await check('an article page lists the facts it states', async () => {
    await page.locator('#partners .card[data-id=ca-mau] .cite a').first().click();
    await ready();
    assert.match(page.url(), /\/explore\/article\//);
    assert.equal(await page.locator('h1').textContent(), 'Cà Mau tiếp đoàn cấp cao tỉnh Khăm Muộn');
    assert.ok((await page.locator('.card blockquote').count()) >= 3);
  });

  await check('keyboard: search and open a hit, then a map marker with Enter', async () => {
    await page.goto(`${base}/`);
    await ready();
    await page.getByRole('combobox').fill('khammuan');
    await page.waitForSelector('#hits [role=option]');
    assert.match(await page.locator('#hits [role=option]').first().textContent(), /Khăm Muộn/);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.waitForURL(`${base}/explore/province/khammouane`);
    await ready();
    await page.goto(`${base}/`);
    await ready();
    await page.locator('.leaflet-marker-icon[data-province=ha-tinh]').focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(`${base}/explore/province/ha-tinh`);
    await ready();
    assert.match(await page.locator('#partners').textContent(), /Khăm Muộn/);
  });

  await check('a merged province shows its successor; today’s unit its inherited partners', async () => {
    await page.goto(`${base}/explore/province/Kon%20Tum`);
    await ready();
    assert.equal(new URL(page.url()).pathname, '/explore/province/kon-tum');
    await page.waitForFunction(() => /Quảng Ngãi/.test(document.querySelector('#successor')?.textContent));
    assert.match(await page.locator('#head').textContent(), /Merged on 2025-07-01 into Quảng Ngãi/);
    await page.goto(`${base}/explore/province/quang-ngai-2025`);
    await ready();
    assert.equal(await page.locator('#partners .badge.inherited').count(), 2);
  });

  await check('phone width: no sideways scrolling', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    for (const [name, path] of [
      ['phone-map', '/'],
      ['phone-province', '/explore/province/khammouane'],
    ]) {
      await page.goto(`${base}${path}`);
      await ready();
      const [scroll, width] = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
      assert.ok(scroll <= width, `${path}: ${scroll} > ${width}`);
      await shot(name);
    }
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  await check('/docs renders Swagger UI from local files', async () => {
    await page.goto(`${base}/docs`);
    await page.waitForSelector('.swagger-ui .info .title', { timeout: 20000 });
    assert.match(await page.locator('.swagger-ui .info .title').textContent(), /vlkg/);
    await page.waitForSelector('.opblock-tag-section');
    assert.ok(await page.locator('.opblock-summary-path', { hasText: '/network' }).count());
    await shot('docs');
  });

  await check('no request left the server, no console error', async () => {
    assert.deepEqual(outside, []);
    assert.deepEqual(errors, []);
  });
} finally {
  await browser?.close();
  server.kill('SIGTERM');
  rmSync(data, { recursive: true, force: true });
}

const failed = results.filter(([, e]) => e);
console.log(`\n${results.length - failed.length}/${results.length} browser checks passed; screenshots in ${SHOTS}`);
if (failed.length) {
  if (serverLog) console.log(`server log:\n${serverLog.slice(-3000)}`);
  process.exit(1);
}
