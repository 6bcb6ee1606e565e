// The HTML report of `tabiji report` in Debian's headless chromium, offline: it must open from a file with
// no network at all (every request but the file itself is recorded and refused), show its sections with
// the map and charts laid out at a real size, and raise no error. Screenshots of the English and Japanese
// sample reports go to --out (look at them). Prints one line per check; exits non-zero on any failure.
//
// node tests/browser/report.mjs --tabiji build/native-release/cli/tabiji [--source .] [--out DIR]
import {execFileSync} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {fileURLToPath, pathToFileURL} from 'node:url';
import {chromium} from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
const opts = {
    source : path.resolve(here, '..', '..'),
    out : path.resolve(here, '..', '..', 'build', 'report-screenshots'),
    browser : '/usr/bin/chromium',
};
for (let i = 2; i < process.argv.length; i += 2)
    opts[process.argv[i].replace(/^--/, '')] = process.argv[i + 1];

let failed = 0;
function check(ok, what, detail = '') {
    if (!ok) failed++;
    console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}${detail ? ` (${detail})` : ''}`);
}

const reports = [
    {
        lang : 'en',
        log : 'journeys_en.csv',
        args : [ '--funnel', 'TV ad,Official website,EC site,EC purchase' ],
        sections : [ 'Summary', 'Journey map', 'Funnel' ]
    },
    {
        lang : 'ja',
        log : 'journeys_ja.csv',
        args : [ '--funnel', 'TVCM,公式Webサイト,ECサイト,EC購入' ],
        sections : [ '概要', 'ファネル' ]
    },
];

fs.mkdirSync(opts.out, {recursive : true});
const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'tabiji-report-'));
const context = await chromium.launchPersistentContext(profile, {
    executablePath : opts.browser,
    headless : true,
    offline : true,
    viewport : {width : 1280, height : 900},
    args : [
        '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
        '--disable-component-update', '--disable-sync'
    ],
});
try {
    for (const r of reports) {
        const file = path.join(opts.out, `report-${r.lang}.html`);
        execFileSync(path.resolve(opts.tabiji),
                     [ 'report', path.join('samples', r.log), '--lang', r.lang, ...r.args, '-o', file ],
                     {cwd : opts.source});
        const own = pathToFileURL(file).href;
        const foreign = [], errors = [];
        const page = await context.newPage();
        await page.route('**/*', (route) => {
            const url = route.request().url();
            if (url === own || url.startsWith('data:')) return route.continue();
            foreign.push(url);
            return route.abort();
        });
        page.on('pageerror', (e) => errors.push(String(e)));
        page.on('console', (m) => {
            if (m.type() === 'error') errors.push(m.text());
        });
        await page.goto(own, {waitUntil : 'load'});
        const seen = await page.evaluate(() => {
            const box = (el) => el ? el.getBoundingClientRect() : {width : 0, height : 0};
            return {
                lang : document.documentElement.lang,
                headings : [...document.querySelectorAll('h2') ].map((h) => h.textContent),
                map : box(document.querySelector('.map svg')),
                svgs : document.querySelectorAll('svg').length,
                rows : document.querySelectorAll('table tr').length,
                height : document.documentElement.scrollHeight,
                overflowX : document.documentElement.scrollWidth > window.innerWidth,
                resources : performance.getEntriesByType('resource').map((e) => e.name),
            };
        });
        const shot = path.join(opts.out, `report-${r.lang}.png`);
        await page.screenshot({path : shot, fullPage : true});
        check(seen.lang === r.lang, `${r.lang}: <html lang="${r.lang}">`);
        check(r.sections.every((s) => seen.headings.includes(s)), `${r.lang}: sections shown`,
              seen.headings.join(', '));
        check(seen.map.width > 600 && seen.map.height > 200, `${r.lang}: the map is laid out at a real size`,
              `${Math.round(seen.map.width)} x ${Math.round(seen.map.height)} px`);
        check(seen.svgs >= 3 && seen.rows >= 10, `${r.lang}: charts and tables drawn`,
              `${seen.svgs} svg, ${seen.rows} table rows`);
        check(!seen.overflowX, `${r.lang}: no horizontal scrolling at 1280 px`);
        check(foreign.length === 0 && seen.resources.length === 0, `${r.lang}: opens offline, loads nothing`,
              [...foreign, ...seen.resources ].slice(0, 3).join(' '));
        check(errors.length === 0, `${r.lang}: no page errors`, errors.slice(0, 2).join(' | '));
        check(fs.statSync(shot).size > 50000, `${r.lang}: screenshot ${path.relative(process.cwd(), shot)}`);
        await page.close();
    }
} finally {
    await context.close();
    fs.rmSync(profile, {recursive : true, force : true});
}
console.log(`report: ${failed ? `${failed} failed` : 'all passed'}`);
process.exit(failed ? 1 : 0);
