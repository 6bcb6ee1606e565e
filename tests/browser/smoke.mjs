// Browser smoke test of the Tabiji web app, in Debian's chromium driven by playwright-core:
// serve the built dist with serve.py, open the page, check that the default sample's map matches the
// native core's numbers, open more files through the page's file input (one of them malformed), and
// check screenshots are not blank. Prints one line per check; exits non-zero on any failure.
//
//   node smoke.mjs --dist build/web/dist --tabiji build/native-release/cli/tabiji --serve serve.py \
//                  [--out build/browser-screenshots] [--second FILE] [--timeout-ms 60000]
import {execFileSync, spawn} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import zlib from 'node:zlib';
import {chromium} from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '..', '..');

// [SECTION] Options
function parseArgs(argv) {
    const opts = {
        dist : path.join(repo, 'build', 'web', 'dist'),
        tabiji : path.join(repo, 'build', 'native-release', 'cli', 'tabiji'),
        serve : path.join(repo, 'serve.py'),
        out : path.join(repo, 'build', 'browser-screenshots'),
        second : null,
        malformed : path.join(here, 'data', 'malformed.csv'),
        timeoutMs : 60000,
        browser : '/usr/bin/chromium',
    };
    for (let i = 2; i < argv.length; i += 2) {
        const key = argv[i].replace(/^--/, '').replace(/-([a-z])/g, (_, c) => c.toUpperCase());
        if (!(key in opts) || argv[i + 1] === undefined)
            throw new Error(`unknown or incomplete option ${argv[i]}`);
        opts[key] = key === 'timeoutMs' ? Number(argv[i + 1]) : argv[i + 1];
    }
    if (!opts.second) {
        const shared = path.resolve(repo, '..', 'shared', 'data', 'pm4py', 'running-example.csv');
        opts.second = fs.existsSync(shared) ? shared : path.join(here, 'data', 'second.csv');
    }
    return opts;
}

// [SECTION] Reporting
let failures = 0;
function check(ok, what, detail = '') {
    console.log(`${ok ? 'ok  ' : 'FAIL'} - ${what}${detail ? ` (${detail})` : ''}`);
    if (!ok) failures++;
    return ok;
}
function info(what) { console.log(`info - ${what}`); }

// [SECTION] Native reference: `tabiji dfg` on the same file
function nativeDfg(tabiji, file, extra = []) {
    const out = execFileSync(tabiji, [ 'dfg', '--compact', '--no-variants', '--no-performance', ...extra, file ],
                             {encoding : 'utf8', maxBuffer : 1 << 28, stdio : [ 'ignore', 'pipe', 'ignore' ]});
    return JSON.parse(out);
}

function compareWithNative(state, ref, label) {
    check(state.nodes === ref.num_activities, `${label}: nodes drawn == native num_activities`,
          `${state.nodes} vs ${ref.num_activities}`);
    check(state.edges === ref.dfg.length, `${label}: edges drawn == native dfg length`,
          `${state.edges} vs ${ref.dfg.length}`);
    check(state.events === ref.num_events && state.cases === ref.num_cases,
          `${label}: events and cases match`,
          `${state.events}/${state.cases} vs ${ref.num_events}/${ref.num_cases}`);
    const nodeCounts = new Map(state.node_list.map((n) => [n.name, n.count]));
    const badNodes = ref.activities.filter((a) => nodeCounts.get(a.activity) !== a.count);
    check(badNodes.length === 0 && nodeCounts.size === ref.activities.length,
          `${label}: every node count matches`,
          badNodes.length
              ? `first mismatch: ${JSON.stringify(badNodes[0])} vs ${nodeCounts.get(badNodes[0].activity)}`
              : '');
    const edgeCounts = new Map(state.edge_list.map((e) => [`${e.from}\u0000${e.to}`, e.count]));
    const badEdges = ref.dfg.filter((e) => edgeCounts.get(`${e.from}\u0000${e.to}`) !== e.count);
    check(badEdges.length === 0 && edgeCounts.size === ref.dfg.length, `${label}: every edge count matches`,
          badEdges.length ? `first mismatch: ${JSON.stringify(badEdges[0])}` : '');
}

// [SECTION] PNG decoding (8-bit RGB/RGBA, as screenshots are) and the not-blank check
function decodePng(buf) {
    if (buf.readUInt32BE(0) !== 0x89504e47) throw new Error('not a PNG');
    let off = 8, width = 0, height = 0, colorType = 0, bitDepth = 0;
    const idat = [];
    while (off < buf.length) {
        const len = buf.readUInt32BE(off);
        const type = buf.toString('latin1', off + 4, off + 8);
        const data = buf.subarray(off + 8, off + 8 + len);
        if (type === 'IHDR') {
            width = data.readUInt32BE(0);
            height = data.readUInt32BE(4);
            bitDepth = data[8];
            colorType = data[9];
            if (data[12] !== 0) throw new Error('interlaced PNG not supported');
        } else if (type === 'IDAT')
            idat.push(data);
        else if (type === 'IEND')
            break;
        off += 12 + len;
    }
    const channels = {2 : 3, 6 : 4}[colorType];
    if (bitDepth !== 8 || !channels)
        throw new Error(`PNG colour type ${colorType}/${bitDepth} not supported`);
    const raw = zlib.inflateSync(Buffer.concat(idat));
    const stride = width * channels;
    const pixels = Buffer.alloc(height * stride);
    for (let y = 0; y < height; y++) {
        const filter = raw[y * (stride + 1)];
        const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
        const cur = pixels.subarray(y * stride, (y + 1) * stride);
        const prev = y > 0 ? pixels.subarray((y - 1) * stride, y * stride) : null;
        for (let x = 0; x < stride; x++) {
            const a = x >= channels ? cur[x - channels] : 0;
            const b = prev ? prev[x] : 0;
            const c = prev && x >= channels ? prev[x - channels] : 0;
            let v = line[x];
            if (filter === 1)
                v += a;
            else if (filter === 2)
                v += b;
            else if (filter === 3)
                v += (a + b) >> 1;
            else if (filter === 4) {
                const p = a + b - c, pa = Math.abs(p - a), pb = Math.abs(p - b), pc = Math.abs(p - c);
                v += pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
            } else if (filter !== 0)
                throw new Error(`bad PNG filter ${filter}`);
            cur[x] = v & 0xff;
        }
    }
    return {width, height, channels, pixels};
}

function imageStats(png) {
    const counts = new Map();
    const n = png.width * png.height;
    for (let i = 0; i < n; i++) {
        const o = i * png.channels;
        const key = (png.pixels[o] << 16) | (png.pixels[o + 1] << 8) | png.pixels[o + 2];
        counts.set(key, (counts.get(key) || 0) + 1);
    }
    let background = 0;
    for (const c of counts.values()) background = Math.max(background, c);
    return {distinct : counts.size, foreground : 1 - background / n};
}

function checkScreenshot(file, label) {
    const stats = imageStats(decodePng(fs.readFileSync(file)));
    check(stats.distinct >= 64 && stats.foreground >= 0.02, `${label}: screenshot is not blank`,
          `${path.relative(process.cwd(), file)}: ${stats.distinct} colours, ` +
              `${(stats.foreground * 100).toFixed(1)}% non-background`);
}

// [SECTION] The server
function startServer(serve, dist) {
    return new Promise((resolve, reject) => {
        const child = spawn('python3', [ serve, '--dir', dist, '--port', '0', '--quiet' ],
                            {stdio : [ 'ignore', 'pipe', 'pipe' ]});
        let out = '';
        const timer = setTimeout(() => reject(new Error(`serve.py did not start: ${out}`)), 10000);
        const onData = (d) => {
            out += d;
            const m = out.match(/http:\/\/([\d.]+):(\d+)\//);
            if (m) {
                clearTimeout(timer);
                resolve({child, origin : `http://${m[1]}:${m[2]}`});
            }
        };
        child.stdout.on('data', onData);
        child.stderr.on('data', (d) => { out += d; });
        child.on('exit', (code) => {
            clearTimeout(timer);
            reject(new Error(`serve.py exited (${code}): ${out}`));
        });
    });
}

// [SECTION] The test
async function main() {
    const opts = parseArgs(process.argv);
    if (!fs.existsSync(path.join(opts.dist, 'tabiji.js'))) {
        check(false, 'web build present',
              `${opts.dist}/tabiji.js is missing: build the web preset first ` +
                  '(cmake --preset web && cmake --build --preset web), or set TABIJI_WEB_DIST');
        return 1;
    }
    fs.mkdirSync(opts.out, {recursive : true});
    const samples = JSON.parse(fs.readFileSync(path.join(opts.dist, 'samples', 'index.json'), 'utf8'));
    const sample = samples.includes('journeys_en.csv') ? 'journeys_en.csv' : samples[0];
    if (!check(Boolean(sample), 'dist has a sample CSV', samples.join(', '))) return 1;
    const jaSample = samples.find((s) => /_ja\.csv$/.test(s));

    const {child : server, origin} = await startServer(opts.serve, opts.dist);
    const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'tabiji-chromium-'));
    const consoleLines = [], pageErrors = [], foreignRequests = [];
    let context;
    try {
        context = await chromium.launchPersistentContext(profile, {
            executablePath : opts.browser,
            headless : true,
            viewport : {width : 1280, height : 800},
            args : [
                '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
                '--disable-component-update', '--disable-sync', '--disable-quic',
                '--enable-unsafe-swiftshader', '--use-gl=angle', '--use-angle=swiftshader'
            ],
        });
        await context.route('**/*', (route) => {
            const url = route.request().url();
            if (new URL(url).origin === origin) return route.continue();
            foreignRequests.push(url);
            return route.abort();
        });
        const page = context.pages()[0] || (await context.newPage());
        page.on('console', (m) => consoleLines.push(`[${m.type()}] ${m.text()}`));
        page.on('pageerror', (e) => pageErrors.push(String(e && e.stack || e)));

        const state = () =>
            page.evaluate(() => (window.Module && Module.tabijiState ? Module.tabijiState() : null));
        async function waitFor(what, predicate) {
            const deadline = Date.now() + opts.timeoutMs;
            let last = null;
            while (Date.now() < deadline) {
                last = await state().catch(() => null);
                if (last && predicate(last)) return last;
                if (pageErrors.length) break;
                await new Promise((r) => setTimeout(r, 100));
            }
            const slim = last && {
                ...last,
                node_list : `(${(last.node_list || []).length})`,
                edge_list : `(${(last.edge_list || []).length})`
            };
            throw new Error(`${pageErrors.length ? 'page error' : 'timed out'} while waiting for ${
                                what}; last state ${JSON.stringify(slim)}\n` +
                            `browser console:\n  ${consoleLines.join('\n  ') || '(empty)'}\n` +
                            `page errors:\n  ${pageErrors.join('\n  ') || '(none)'}`);
        }
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
            return check(st.log === name && st.error === '', `${name} opened through the file input`,
                         st.error)
                       ? st
                       : null;
        }

        // 1. The default sample appears without user action.
        const t0 = Date.now();
        await page.goto(`${origin}/`);
        let s = await waitFor(`the first frame of ${sample}`, (st) => shown(sample)(st) && st.frames > 0);
        check(true, `first frame of ${sample}`, `${Date.now() - t0} ms wall clock from navigation`);
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
            check(s.japanese_font, `${jaSample}: Japanese font in the atlas`,
                  `atlas ${s.font_atlas.join('x')}`);
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
            compareWithNative(lenient, nativeDfg(opts.tabiji, oneBad, ['--lenient']), 'one_bad_row.csv');
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

        check(pageErrors.length === 0, 'no page errors', pageErrors.join(' | '));
        check(foreignRequests.length === 0, 'no request left the test server', foreignRequests.join(', '));
    } catch (e) {
        check(false, 'smoke test ran to the end', e.message);
    } finally {
        if (context) await context.close().catch(() => {});
        server.kill();
        fs.rmSync(profile, {recursive : true, force : true});
    }
    console.log(failures ? `${failures} check(s) failed` : 'all checks passed');
    return failures ? 1 : 0;
}

main().then((code) => process.exit(code), (e) => {
    console.log(`FAIL - smoke test crashed (${e && e.stack || e})`);
    process.exit(1);
});
