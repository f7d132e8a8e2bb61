// Runs Lighthouse (mobile defaults) on the URLs given as arguments and prints one JSON line per URL.
// Plain JavaScript run by plain node on purpose: tsx's transform adds helpers (__name) to functions that
// Lighthouse serializes into the page, which then fail in the browser.
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';

const categories = ['performance', 'accessibility', 'best-practices', 'seo'];
const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROME_PATH || '/usr/bin/chromium',
  chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  for (const [i, url] of process.argv.slice(2).entries()) {
    console.error(`lighthouse ${i + 1}/${process.argv.length - 2}: ${url}`);
    const run = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: categories });
    if (!run) throw new Error(`no Lighthouse result for ${url}`);
    const { lhr } = run;
    const failing = Object.values(lhr.audits)
      .filter((a) => a.score !== null && a.score < 0.9 && !['informative', 'notApplicable', 'manual'].includes(a.scoreDisplayMode))
      .map((a) => `${a.id} (${a.displayValue ?? a.score})`);
    const display = (id) => lhr.audits[id]?.displayValue ?? '–';
    console.log(
      JSON.stringify({
        url,
        scores: Object.fromEntries(categories.map((c) => [c, Math.round((lhr.categories[c]?.score ?? 0) * 100)])),
        metrics: { lcp: display('largest-contentful-paint'), tbt: display('total-blocking-time'), cls: display('cumulative-layout-shift'), fcp: display('first-contentful-paint') },
        lcpElement: lhr.audits['largest-contentful-paint-element']?.details?.items?.[0]?.items?.[0]?.node?.snippet ?? null,
        failing,
      }),
    );
  }
} finally {
  await chrome.kill();
}
