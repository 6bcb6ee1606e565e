// Web app figures in headless Debian chromium (software WebGL2): frame CPU time (tabijiState().frame_ms,
// median and p90 over ~2 s of frames) and layout time for generated graphs (index.html?bench=N: N
// touchpoints, 10 N steps), page load to first map frame with the default sample (median of five loads:
// the first in a fresh profile, the others with the compiled code the browser keeps), and the gzip size of
// tabiji.wasm + tabiji.js. Prints one line per figure and a JSON summary; no pass/fail (figures vary with
// the machine; the targets are in the issue: 1k/10k <= 4 ms, 10k/100k <= 16 ms, layout 1k <= 200 ms,
// first frame <= 1 s, wasm+js gzip <= 3 MB).
//
//   node bench/web_frame.mjs [--dist build/web/dist] [--sizes 1000,10000] [--seconds 2]
import fs from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import zlib from 'node:zlib';

import {launchBrowser, startServer, stateWaiter} from '../tests/browser/harness.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '..');
const opts = {
    dist : path.join(repo, 'build', 'web', 'dist'),
    serve : path.join(repo, 'serve.py'),
    browser : '/usr/bin/chromium',
    sizes : '1000,10000',
    seconds : '2',
};
for (let i = 2; i + 1 < process.argv.length; i += 2)
    opts[process.argv[i].replace(/^--/, '')] = process.argv[i + 1];

function quantile(sorted, q) {
    return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] : NaN;
}

// frame_ms of every animation frame for `seconds` (longer, up to 30 s, until 10 frames were seen: software
// WebGL draws big maps at a few frames per second), read in the page right after each frame.
async function frames(page, seconds) {
    return page.evaluate((ms) => new Promise((resolve) => {
                             const out = [], start = performance.now(), end = start + ms;
                             let last = -1;
                             function tick() {
                                 const s = Module.tabijiState();
                                 if (s.frames !== last) {
                                     out.push(s.frame_ms);
                                     last = s.frames;
                                 }
                                 const now = performance.now();
                                 if (now < end || (out.length < 10 && now < start + 30000))
                                     requestAnimationFrame(tick);
                                 else
                                     resolve({ms : out, fps : out.length / ((now - start) / 1000)});
                             }
                             requestAnimationFrame(tick);
                         }),
                         seconds * 1000);
}

async function main() {
    const summary = {};
    for (const f of ['tabiji.wasm', 'tabiji.js']) {
        const bytes = fs.readFileSync(path.join(opts.dist, f));
        summary[`${f}_bytes`] = bytes.length;
        summary[`${f}_gzip_bytes`] = zlib.gzipSync(bytes, {level : 9}).length;
    }
    const gz = summary['tabiji.wasm_gzip_bytes'] + summary['tabiji.js_gzip_bytes'];
    console.log(`wasm+js gzip: ${(gz / 1048576).toFixed(2)} MB (wasm ${
        (summary['tabiji.wasm_bytes'] / 1048576).toFixed(2)} MB raw)`);
    summary.wasm_js_gzip_mb = gz / 1048576;

    const {child : server, origin} = await startServer(opts.serve, opts.dist);
    const browser = await launchBrowser(opts.browser, origin);
    try {
        const page = browser.page;
        const waitForState = (p, what, predicate, timeoutMs = 60000) =>
            stateWaiter(p, timeoutMs, [], []).waitFor(what, predicate);
        // Page load to first map frame with the sample (page time, performance.now()): the median of five
        // loads (one load varies by a few hundred ms with what the browser and the machine do meanwhile).
        const loads = [];
        let s = null;
        for (let i = 0; i < 5; i++) {
            await page.goto(`${origin}/?load=${i}`);
            s = await waitForState(page, 'the sample', (x) => x.ready && x.frames_with_journey > 2);
            loads.push(s.first_map_ms);
        }
        loads.sort((a, b) => a - b);
        console.log(`sample: first frame ${s.first_frame_ms.toFixed(0)} ms; first map frame, five loads: ${
            loads.map((x) => x.toFixed(0)).join(', ')} ms after navigation start`);
        summary.first_map_ms = quantile(loads, 0.5);
        summary.first_map_ms_max = loads[loads.length - 1];
        let f = await frames(page, Number(opts.seconds));
        let ms = f.ms.sort((a, b) => a - b);
        console.log(`sample: frame_ms median ${quantile(ms, 0.5).toFixed(2)} p90 ${
            quantile(ms, 0.9).toFixed(2)} (${ms.length} frames)`);
        summary.sample_frame_ms = {median : quantile(ms, 0.5), p90 : quantile(ms, 0.9)};

        for (const n of opts.sizes.split(',').map(Number)) {
            await page.goto(`${origin}/?bench=${n}`);
            // Steady state: the layout done and the Japanese font in (its arrival rebuilds the font atlas
            // and lays the map out again, a one-off at start).
            s = await waitForState(
                page, `bench ${n}`,
                (x) => x.ready && x.frames_with_journey > 2 && !x.map.pending && x.japanese_font, 600000);
            f = await frames(page, Number(opts.seconds));
            ms = f.ms.sort((a, b) => a - b);
            const line = {
                nodes : s.nodes,
                edges : s.edges,
                layout_ms : s.map.layout_ms, // time in the layout's slices (it runs ~10 ms a frame)
                layout_wall_ms : s.map.layout_wall_ms,
                layout_slices : s.map.layout_slices,
                longest_slice_ms : s.map.longest_slice_ms,
                rebuild_ms : s.rebuild_ms,
                frame_ms_median : quantile(ms, 0.5),
                frame_ms_p90 : quantile(ms, 0.9),
                frames : ms.length,
                fps :
                    f.fps, // frames the page managed per second (software WebGL: the GPU side, not frame_ms)
                layers : s.map.layers,
            };
            // A hover over the map (hit testing every frame) and a zoomed-in view (labels on).
            await page.mouse.move(640, 420);
            const hover = (await frames(page, Number(opts.seconds))).ms.sort((a, b) => a - b);
            line.hover_frame_ms_median = quantile(hover, 0.5);
            await page.evaluate(() => Module.tabijiZoom(8));
            const zoomed = (await frames(page, Number(opts.seconds))).ms.sort((a, b) => a - b);
            line.zoomed_frame_ms_median = quantile(zoomed, 0.5);
            console.log(`bench ${n}: ${line.nodes} nodes / ${line.edges} edges, ${
                line.layers} layers: layout ${line.layout_ms.toFixed(0)} ms in ${
                line.layout_slices} slices (longest ${line.longest_slice_ms.toFixed(1)} ms, ${
                line.layout_wall_ms.toFixed(0)} ms wall; rebuild ${
                line.rebuild_ms.toFixed(0)} ms); frame_ms median ${line.frame_ms_median.toFixed(2)} p90 ${
                line.frame_ms_p90.toFixed(2)} at ${line.fps.toFixed(1)} fps; hover ${
                line.hover_frame_ms_median.toFixed(2)}; zoomed x8 ${line.zoomed_frame_ms_median.toFixed(2)}`);
            summary[`bench_${n}`] = line;
        }
    } finally {
        await browser.context.close().catch(() => {});
        fs.rmSync(browser.profile, {recursive : true, force : true});
        server.kill();
    }
    console.log(JSON.stringify(summary));
}

main().catch((e) => {
    console.error(e);
    process.exit(1);
});
