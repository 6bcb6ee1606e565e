// Browser smoke test of the Tabiji web app, in Debian's chromium driven by playwright-core:
// serve the built dist with serve.py, open the page, check that the default sample's map matches the
// native core's numbers, open more files through the page's file input (one of them malformed), and
// check screenshots are not blank. Prints one line per check; exits non-zero on any failure.
//
//   node smoke.mjs --dist build/web/dist --tabiji build/native-release/cli/tabiji --serve serve.py \
//                  [--out build/browser-screenshots] [--second FILE] [--timeout-ms 60000]
import fs from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';

import {
    check,
    checkScreenshot,
    compareWithNative,
    info,
    nativeDfg,
    parseArgs,
    runPageTest
} from './harness.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '..', '..');

// [SECTION] Options
const opts = parseArgs(process.argv, {
    second : null,
    malformed : path.join(here, 'data', 'malformed.csv'),
});
if (!opts.second) {
    const shared = path.resolve(repo, '..', 'shared', 'data', 'pm4py', 'running-example.csv');
    opts.second = fs.existsSync(shared) ? shared : path.join(here, 'data', 'second.csv');
}
fs.mkdirSync(opts.out, {recursive : true});

// [SECTION] The test
runPageTest('smoke test', opts, async ({page, origin, state, waitFor}) => {
    const samples = JSON.parse(fs.readFileSync(path.join(opts.dist, 'samples', 'index.json'), 'utf8'));
    const sample = samples.includes('journeys_en.csv') ? 'journeys_en.csv' : samples[0];
    if (!check(Boolean(sample), 'dist has a sample CSV', samples.join(', '))) return;
    const jaSample = samples.find((s) => /_ja\.csv$/.test(s));

    const shown = (name) => (s) => s.ready && s.log === name && s.frames_with_journey > 2;
    async function frameMs() {
        const samplesMs = [];
        for (let i = 0; i < 20; i++) {
            samplesMs.push((await state()).frame_ms);
            await new Promise((r) => setTimeout(r, 50));
        }
        samplesMs.sort((a, b) => a - b);
        return samplesMs[samplesMs.length >> 1];
    }
    // Opens a file through the hidden file input; resolves once it is on screen or the app reported
    // an error (checked here, so one bad file does not hide the checks after it).
    async function openThroughPage(file) {
        const name = path.basename(file);
        await page.setInputFiles('#file-input', file);
        const st = await waitFor(`${name} on screen or an error`,
                                 (x) => shown(name)(x) || (x.error !== '' && !x.loading));
        return check(st.log === name && st.error === '', `${name} opened through the file input`, st.error)
                   ? st
                   : null;
    }

    // 1. The default sample appears without user action.
    const t0 = Date.now();
    await page.goto(`${origin}/`);
    let s = await waitFor(`the first frame of ${sample}`, (st) => shown(sample)(st) && st.frames > 0);
    info(`first frame of ${sample}: ${Date.now() - t0} ms wall clock from navigation`);
    info(`page time to first frame ${s.first_frame_ms.toFixed(0)} ms, to first map frame ${
        s.first_map_ms.toFixed(0)} ms`);
    check(s.shader_error === '', 'shaders compiled', s.shader_error);
    compareWithNative(s, nativeDfg(opts.tabiji, path.join(opts.dist, 'samples', sample)), sample);
    info(`${sample}: frame_ms median ${(await frameMs()).toFixed(2)} ms over 20 samples; atlas ${
        s.font_atlas.join('x')}`);
    await page.screenshot({path : path.join(opts.out, '1-sample.png')});
    checkScreenshot(path.join(opts.out, '1-sample.png'), sample);

    // 2. The Japanese sample, through the file input (labels need the Japanese font).
    if (jaSample) {
        s = await openThroughPage(path.join(opts.dist, 'samples', jaSample));
    }
    if (jaSample && s) {
        check(s.japanese_font, `${jaSample}: Japanese font in the atlas`, `atlas ${s.font_atlas.join('x')}`);
        compareWithNative(s, nativeDfg(opts.tabiji, path.join(opts.dist, 'samples', jaSample)), jaSample);
        await page.screenshot({path : path.join(opts.out, '2-sample-ja.png')});
        checkScreenshot(path.join(opts.out, '2-sample-ja.png'), jaSample);
    }

    // 3. A second file through the file input replaces the map.
    const second = path.basename(opts.second);
    s = await openThroughPage(opts.second);
    if (!s) throw new Error(`${second} could not be opened`);
    compareWithNative(s, nativeDfg(opts.tabiji, opts.second), second);
    if (second === 'running-example.csv')
        check(s.nodes === 8 && s.edges === 16, 'running-example.csv: 8 nodes, 16 edges (PM4Py oracle)',
              `${s.nodes} nodes, ${s.edges} edges`);
    // 3b. Other formats through the same page: XES, and a gzip-compressed XES inflated by the browser.
    // Each must draw exactly what the native core computes for the same file.
    const sharedData = path.resolve(repo, '..', 'shared', 'data');
    for (const other of [path.join(sharedData, 'pm4py', 'running-example.xes'),
                         path.join(sharedData, 'rust4pm', 'Sepsis_Cases-Event_Log.xes.gz')]) {
        if (!fs.existsSync(other)) {
            console.log(`skip ${path.basename(other)}: ../shared/data is absent`);
            continue;
        }
        const t = await openThroughPage(other);
        if (t) compareWithNative(t, nativeDfg(opts.tabiji, other), path.basename(other));
    }
    // 3c. The page reads leniently: one bad row is skipped, reported, and the rest is drawn exactly as
    // `tabiji dfg --lenient` computes it.
    const oneBad = path.join(here, 'data', 'one_bad_row.csv');
    const lenient = await openThroughPage(oneBad);
    if (lenient) {
        check(lenient.read.skipped === 1 && lenient.read.problems.bad_timestamp === 1,
              'one_bad_row.csv: 1 row skipped and reported as bad_timestamp', JSON.stringify(lenient.read));
        compareWithNative(lenient, nativeDfg(opts.tabiji, oneBad, [ '--lenient' ]), 'one_bad_row.csv');
        await page.screenshot({path : path.join(opts.out, '3c-read-report.png')}); // opens by itself
        checkScreenshot(path.join(opts.out, '3c-read-report.png'), 'read report');
    }
    s = await openThroughPage(opts.second); // back to the second file for the error step
    await page.screenshot({path : path.join(opts.out, '3-second.png')});
    checkScreenshot(path.join(opts.out, '3-second.png'), second);

    // 4. A malformed file: an error is shown, the previous map stays, frames keep coming.
    await page.setInputFiles('#file-input', opts.malformed);
    s = await waitFor('an error for the malformed file', (st) => st.error !== '' && !st.loading);
    check(s.error !== '', 'malformed CSV reported', s.error);
    check(s.log === second, 'previous map kept after the error', s.log);
    const framesBefore = s.frames;
    await new Promise((r) => setTimeout(r, 500));
    s = await state();
    check(s.frames > framesBefore + 5, 'frames keep rendering after the error',
          `${s.frames - framesBefore} frames in 0.5 s`);
    await page.screenshot({path : path.join(opts.out, '4-error.png')});
    checkScreenshot(path.join(opts.out, '4-error.png'), 'error dialog');

    // 5. A reload shows the last log opened from disk again (kept in IndexedDB; the refused file is not
    // kept), not the default sample.
    await page.reload();
    s = await waitFor('a log on screen after the reload',
                      (st) => st.ready && !st.loading && st.log !== '' && st.frames_with_journey > 0);
    check(s.log === second, 'a reload shows the kept log, not the sample', s.log);
});
