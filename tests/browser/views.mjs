// End-to-end test of the analysis views of the Tabiji web app, in Debian's chromium driven by
// playwright-core: open a log through the page, add filter chips and compare the map with `tabiji dfg`
// given the same filter flags, select a variant, build a funnel and compare it with `tabiji funnel`,
// switch the language, export an SVG, save a project, reload the page and find the work again, ask
// before discarding unsaved work, and compare screenshots with the small references in ref/.
// Prints one line per check; exits non-zero on any failure.
//
//   node views.mjs --dist build/web/dist --tabiji build/native-release/cli/tabiji --serve serve.py \
//                  [--out build/browser-screenshots] [--update-refs 1] [--timeout-ms 60000] [--big LOG]
import {execFileSync} from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';

import {
    check,
    checkScreenshot,
    compareImages,
    compareWithNative,
    decodePng,
    downscale,
    encodePng,
    info,
    nativeDfg,
    parseArgs,
    runPageTest
} from './harness.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '..', '..');

const opts = parseArgs(process.argv, {
    refs : path.join(here, 'ref'),
    updateRefs : '',
    big : '', // a large log: report (not assert) how long a filter change takes on it
});

// Screenshots are compared at a quarter of their size: layout and colours must match, anti-aliasing
// and text rendering details may differ. A missing reference is written (and reported) when asked.
const kRefScale = 4, kRefBadShare = 0.04;
function compareWithReference(opts, file, name) {
    const small = downscale(decodePng(fs.readFileSync(file)), kRefScale);
    const ref = path.join(opts.refs, `${name}.png`);
    if (opts.updateRefs || !fs.existsSync(ref)) {
        fs.mkdirSync(opts.refs, {recursive : true});
        fs.writeFileSync(ref, encodePng(small));
        check(Boolean(opts.updateRefs), `${name}: reference written`, path.relative(repo, ref));
        return;
    }
    const diff = compareImages(small, decodePng(fs.readFileSync(ref)));
    check(diff.sameSize && diff.badShare <= kRefBadShare, `${name}: screenshot matches its reference`,
          `${(diff.badShare * 100).toFixed(2)}% pixels differ (limit ${kRefBadShare * 100}%), mean ${
              diff.meanDiff.toFixed(1)}`);
}

function nativeFunnel(tabiji, file, steps, extra) {
    const out = execFileSync(tabiji, [ 'funnel', '--steps', steps, ...extra, file ],
                             {encoding : 'utf8', stdio : [ 'ignore', 'pipe', 'ignore' ]});
    return JSON.parse(out).funnel;
}

fs.mkdirSync(opts.out, {recursive : true});
const shot = (name) => path.join(opts.out, `views-${name}.png`);
const enLog = path.join(repo, 'samples', 'journeys_en.csv');
const jaLog = path.join(repo, 'samples', 'journeys_ja.csv');

runPageTest('views test', opts, async ({page, origin, state, waitFor}) => {
    const dialogs = [];
    page.on('dialog', (d) => {
        dialogs.push(d.type());
        d.accept();
    });
    const command = (name, arg = '') =>
        page.evaluate(([ n, a ]) => Module.tabijiCommand(n, a), [ name, arg ]);
    const frames = async (n = 3) => {
        const f = (await state()).frames;
        return waitFor(`${n} more frames`, (s) => s.frames >= f + n);
    };
    const shown = (name) => (s) => s.ready && s.log === name && s.frames_with_journey > 2;

    // 1. A log opened through the page's file input.
    await page.goto(`${origin}/`);
    let s = await waitFor('the default sample', (x) => x.ready);
    // Opens a log through the page's file input and waits until it replaced the journey on screen.
    const openThroughPage = async (file) => {
        const generation = (await state()).journey_generation;
        await page.setInputFiles('#file-input', file);
        return waitFor(`${path.basename(file)} opened through the file input`,
                       (x) => shown(path.basename(file))(x) && x.journey_generation > generation);
    };
    s = await openThroughPage(enLog);
    compareWithNative(s, nativeDfg(opts.tabiji, enLog), 'journeys_en.csv');
    check(s.filters.length === 0 && s.dirty === false && s.language === 'en',
          'a fresh log: no filters, saved, English',
          `${s.filters.length} filters, dirty ${s.dirty}, ${s.language}`);

    // 2. Filter chips: each narrows the map exactly as the CLI's flags do.
    let answer =
        await command('add_filter', JSON.stringify({kind : 'start_touchpoints', touchpoints : [ 'TV ad' ]}));
    check(answer.ok, 'add a "starts with TV ad" chip', answer.error);
    answer = await command('add_filter', JSON.stringify({kind : 'case_size', min : 3}));
    check(answer.ok, 'add a "3 events or more" chip', answer.error);
    s = await frames();
    check(s.filters.length === 2 && s.filters[0].kind === 'start_touchpoints' &&
              s.filters[1].kind === 'case_size',
          'two chips, in order', JSON.stringify(s.filters));
    const flags = [ '--start-with', 'TV ad', '--min-events', '3' ];
    compareWithNative(s, nativeDfg(opts.tabiji, enLog, flags), 'journeys_en.csv filtered');
    check(s.view_cases === s.cases && s.dirty, 'the filtered view is the map, and the work is unsaved',
          `${s.view_cases} / ${s.cases}, dirty ${s.dirty}`);
    info(`filter recompute ${s.recompute_ms.toFixed(2)} ms for ${s.events} events`);
    // An attribute chip, the same as --attr segment=premium.
    answer = await command(
        'add_filter', JSON.stringify({kind : 'attribute', attribute : 'segment', values : [ 'premium' ]}));
    s = await frames();
    compareWithNative(s, nativeDfg(opts.tabiji, enLog, [...flags, '--attr', 'segment=premium' ]),
                      'journeys_en.csv + segment=premium');
    answer = await command('remove_filter', '2');
    s = await frames();
    check(answer.ok && s.filters.length === 2 && s.cases === nativeDfg(opts.tabiji, enLog, flags).num_cases,
          'removing a chip brings its journeys back', `${s.filters.length} chips, ${s.cases} journeys`);
    answer = await command('add_filter',
                           JSON.stringify({kind : 'start_touchpoints', touchpoints : [ 'No such place' ]}));
    s = await state();
    check(!answer.ok && /No such place/.test(answer.error) && s.filters.length === 2,
          'an unknown touchpoint is refused with its name, the chain unchanged', answer.error);

    // 3. Variants: counts, and selecting one highlights its path.
    check(s.variant_count > 0 && s.variants[0].count >= (s.variants[1] || {count : 0}).count,
          'variants listed by count',
          `${s.variant_count} variants, top ${s.variants[0] && s.variants[0].count}`);
    await command('select_variant', '0');
    await command('tab', 'variants');
    s = await frames();
    const pathSteps = s.variants[0].path.split(' → ');
    check(s.selected_variant === 0 && s.highlighted_nodes === new Set(pathSteps).size,
          'variant 1 selected, its touchpoints highlighted',
          `${s.highlighted_nodes} nodes for ${s.variants[0].path}`);
    await page.screenshot({path : shot('en')});
    checkScreenshot(shot('en'), 'variants view');
    compareWithReference(opts, shot('en'), 'views-en');

    // 4. Funnel: the same numbers as `tabiji funnel` with the same filters.
    const steps = 'TV ad,Official website,EC site,EC purchase';
    answer = await command('funnel', steps);
    await command('tab', 'funnel');
    s = await frames();
    const ref = nativeFunnel(opts.tabiji, enLog, steps, flags);
    check(answer.ok && s.funnel &&
              s.funnel.steps.map((x) => x.cases).join() === ref.steps.map((x) => x.cases).join(),
          'funnel step counts == tabiji funnel',
          `${s.funnel && s.funnel.steps.map((x) => x.cases)} vs ${ref.steps.map((x) => x.cases)}`);
    await page.screenshot({path : shot('funnel')});
    checkScreenshot(shot('funnel'), 'funnel view');
    for (const tab of ['flow', 'cx', 'catalog']) {
        await command('tab', tab);
        s = await frames();
        check(s.panel_tab === tab, `${tab} tab shown`, s.panel_tab);
        await page.screenshot({path : shot(tab)});
        checkScreenshot(shot(tab), `${tab} view`);
    }
    await command('help');
    s = await frames();
    check(s.help_open, 'help window open');
    await page.screenshot({path : shot('help')});
    await command('help');

    // 5. Exports: the map as SVG (what the map shows), tables as CSV.
    answer = await command('export_svg');
    const svg = answer.result;
    const svgNodes = (svg.match(/<g class="node"/g) || []).length;
    check(answer.ok && svg.startsWith('<?xml') && svg.includes('<svg') && svgNodes >= s.nodes,
          'SVG export: a document with every touchpoint drawn',
          `${svg.length} bytes, ${svgNodes} node groups, ${s.nodes} nodes`);
    const uris = svg.match(/https?:\/\/[^"' ]*/g) || [];
    check(svg.includes('TV ad') && uris.every((u) => u === 'http://www.w3.org/2000/svg'),
          'SVG export: names inside, no external references', uris.join(' '));
    answer = await command('export_csv', 'variants');
    const csvLines = answer.result.trim().split('\n');
    check(answer.ok && csvLines[0].startsWith('rank,journeys') && csvLines.length === s.variant_count + 1,
          'variants CSV: a header and one line per variant', `${csvLines.length} lines`);
    const download = page.waitForEvent('download');
    await command('download_svg');
    const file = await download;
    check(file.suggestedFilename() === 'journeys_en.svg', 'SVG download offered', file.suggestedFilename());
    for (const table of ['funnel', 'metrics']) {
        answer = await command('export_csv', table);
        const lines = answer.result.trim().split('\n');
        check(answer.ok && lines.length > 2 && lines.every((l) => l.split(',').length >= 5),
              `${table} CSV: a header and rows`, `${lines.length} lines: ${lines[0]}`);
    }
    const pngDownload = page.waitForEvent('download');
    await command('download_png');
    const png = await pngDownload;
    const pngFile = path.join(opts.out, 'views-export.png');
    await png.saveAs(pngFile);
    check(png.suggestedFilename() === 'journeys_en.png', 'PNG download offered', png.suggestedFilename());
    checkScreenshot(pngFile, 'PNG export of the canvas');

    // 6. Language: Japanese UI with the Japanese sample.
    s = await openThroughPage(jaLog);
    answer = await command('language', 'ja');
    const jaSteps = 'TVCM,公式Webサイト,ECサイト,EC購入';
    await command('funnel', jaSteps);
    await command('tab', 'funnel');
    await command('select_variant', '0');
    s = await frames(5);
    const jaRef = nativeFunnel(opts.tabiji, jaLog, jaSteps, []);
    check(s.funnel && s.funnel.steps.map((x) => x.cases).join() === jaRef.steps.map((x) => x.cases).join(),
          'Japanese funnel step counts == tabiji funnel',
          `${s.funnel && s.funnel.steps.map((x) => x.cases)} vs ${jaRef.steps.map((x) => x.cases)}`);
    check(answer.ok && s.language === 'ja' && s.japanese_font, 'UI in Japanese with the Japanese font',
          `${s.language}, font ${s.japanese_font}`);
    await page.screenshot({path : shot('ja')});
    checkScreenshot(shot('ja'), 'Japanese UI');
    compareWithReference(opts, shot('ja'), 'views-ja');
    await command('language', 'en');

    // 7. Project: save, change, reload: the autosave brings the last work back.
    s = await openThroughPage(enLog);
    await command('add_filter', JSON.stringify({kind : 'start_touchpoints', touchpoints : [ 'TV ad' ]}));
    const saving = page.waitForEvent('download');
    answer = await command('save_project');
    const saved = await saving;
    s = await frames();
    check(answer.ok && saved.suggestedFilename() === 'journeys_en.tabiji.json' && !s.dirty,
          'project saved as a download, work marked saved', saved.suggestedFilename());
    const project = JSON.parse(answer.result);
    check(project.format === 'tabiji-project' && JSON.stringify(project).includes('start_touchpoints'),
          'project file holds the filter chain');
    await command('add_filter', JSON.stringify({kind : 'case_size', min : 3}));
    await command('language', 'ja');
    s = await frames();
    const before =
        {filters : s.filters.map((f) => f.kind).join(), nodes : s.nodes, edges : s.edges, cases : s.cases};
    check(s.dirty, 'unsaved again after a change');
    await page.mouse.click(6, 794); // a user gesture: browsers ask before unload only after one
    await page.reload();
    s = await waitFor('the page back with the kept log',
                      (x) => shown('journeys_en.csv')(x) && x.filters.length > 0);
    const after =
        {filters : s.filters.map((f) => f.kind).join(), nodes : s.nodes, edges : s.edges, cases : s.cases};
    check(JSON.stringify(before) === JSON.stringify(after) && s.language === 'ja' && s.dirty,
          'after a reload: same log, filters, map, language, still unsaved',
          `${JSON.stringify(before)} vs ${JSON.stringify(after)}`);
    check(dialogs.includes('beforeunload'), 'the browser asked before leaving unsaved work', dialogs.join());
    await command('language', 'en');

    // 8. Opening a project file puts its work back.
    answer = await command('open_project', JSON.stringify(project));
    s = await frames();
    check(answer.ok && s.filters.length === 1 && s.filters[0].kind === 'start_touchpoints' && !s.dirty,
          'project opened: its one filter, nothing unsaved', answer.error);

    // 9. Opening another file with unsaved work asks first; Cancel keeps everything.
    await command('add_filter', JSON.stringify({kind : 'case_size', min : 2}));
    await page.evaluate(() => Module.tabijiRequestOpen(
                            new File([ 'case,activity,timestamp\nc1,A,2024-01-01\n' ], 'tiny.csv')));
    s = await waitFor('the discard question', (x) => x.asking_discard);
    await page.screenshot({path : shot('discard')});
    await command('answer_discard', 'cancel');
    s = await waitFor('the question answered', (x) => !x.asking_discard);
    check(s.log === 'journeys_en.csv' && s.filters.length === 2 && s.dirty,
          'Cancel keeps the log and the work');
    await page.evaluate(() => Module.tabijiRequestOpen(new File(
                            [ 'case,activity,timestamp\nc1,A,2024-01-01\nc1,B,2024-01-02\n' ], 'tiny.csv')));
    await waitFor('the discard question', (x) => x.asking_discard);
    await command('answer_discard', 'discard');
    s = await waitFor('tiny.csv opened', shown('tiny.csv'));
    check(s.nodes === 2 && s.filters.length === 0 && !s.dirty, 'Discard opens the dropped file',
          `${s.nodes} nodes`);

    // 10. Speed on a large log (figures only; timings are not asserted here).
    if (opts.big) {
        s = await openThroughPage(opts.big);
        info(`${path.basename(opts.big)}: ${s.events} events, first view ${s.recompute_ms.toFixed(1)} ms`);
        for (const f of [{kind : 'start_touchpoints', touchpoints : [ s.node_list[0].name ]},
                         {kind : 'case_size', min : 3}]) {
            const ms = await page.evaluate((arg) => {
                const t = performance.now();
                Module.tabijiCommand('add_filter', arg);
                return performance.now() - t;
            }, JSON.stringify(f));
            s = await frames();
            info(`add ${f.kind}: command ${ms.toFixed(1)} ms in the page (recompute ${
                     s.recompute_ms.toFixed(1)} ms), ` +
                 `${s.view_events} events kept, frame ${s.frame_ms.toFixed(2)} ms`);
        }
    }
});
