// What the browser tests share: check/info reporting, the native reference (`tabiji dfg`), PNG decoding
// and encoding, screenshot statistics and comparison, the test server (serve.py) and the browser
// (Debian's chromium through playwright-core).
import {execFileSync, spawn} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import {chromium} from 'playwright-core';

// [SECTION] Reporting
let failures = 0;
export function check(ok, what, detail = '') {
    console.log(`${ok ? 'ok  ' : 'FAIL'} - ${what}${detail ? ` (${detail})` : ''}`);
    if (!ok) failures++;
    return ok;
}
export function info(what) { console.log(`info - ${what}`); }
export function failureCount() { return failures; }

// [SECTION] Native reference: `tabiji dfg` on the same file, with the same filter flags
export function nativeDfg(tabiji, file, extra = []) {
    const out =
        execFileSync(tabiji, [ 'dfg', '--compact', '--no-variants', '--no-performance', ...extra, file ],
                     {encoding : 'utf8', maxBuffer : 1 << 28, stdio : [ 'ignore', 'pipe', 'ignore' ]});
    return JSON.parse(out);
}

export function compareWithNative(state, ref, label) {
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

// [SECTION] PNG decoding (8-bit RGB/RGBA, as screenshots are) and encoding (8-bit RGB)
export function decodePng(buf) {
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

const crcTable = Array.from({length : 256}, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
});
function crc32(buf) {
    let c = 0xffffffff;
    for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
}
export function encodePng(img) {
    const chunk = (type, data) => {
        const head = Buffer.alloc(8);
        head.writeUInt32BE(data.length, 0);
        head.write(type, 4, 'latin1');
        const crc = Buffer.alloc(4);
        crc.writeUInt32BE(crc32(Buffer.concat([ head.subarray(4), data ])), 0);
        return Buffer.concat([ head, data, crc ]);
    };
    const ihdr = Buffer.alloc(13);
    ihdr.writeUInt32BE(img.width, 0);
    ihdr.writeUInt32BE(img.height, 4);
    ihdr[8] = 8;
    ihdr[9] = 2; // RGB
    const stride = img.width * 3, raw = Buffer.alloc(img.height * (stride + 1));
    for (let y = 0; y < img.height; y++)
        for (let x = 0; x < img.width; x++)
            for (let c = 0; c < 3; c++)
                raw[y * (stride + 1) + 1 + x * 3 + c] = img.pixels[(y * img.width + x) * img.channels + c];
    return Buffer.concat([
        Buffer.from([ 0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a ]), chunk('IHDR', ihdr),
        chunk('IDAT', zlib.deflateSync(raw, {level : 9})), chunk('IEND', Buffer.alloc(0))
    ]);
}

// An image `factor` times smaller (box filter), RGB: small enough to keep as a reference in the tree.
export function downscale(img, factor) {
    const width = Math.floor(img.width / factor), height = Math.floor(img.height / factor);
    const pixels = Buffer.alloc(width * height * 3);
    for (let y = 0; y < height; y++)
        for (let x = 0; x < width; x++)
            for (let c = 0; c < 3; c++) {
                let sum = 0;
                for (let dy = 0; dy < factor; dy++)
                    for (let dx = 0; dx < factor; dx++)
                        sum +=
                            img.pixels[((y * factor + dy) * img.width + x * factor + dx) * img.channels + c];
                pixels[(y * width + x) * 3 + c] = Math.round(sum / (factor * factor));
            }
    return {width, height, channels : 3, pixels};
}

// Share of pixels whose largest channel difference exceeds `threshold`, and the mean difference.
export function compareImages(a, b, threshold = 40) {
    if (a.width !== b.width || a.height !== b.height) return {sameSize : false, badShare : 1, meanDiff : 255};
    let bad = 0, sum = 0;
    const n = a.width * a.height;
    for (let i = 0; i < n; i++) {
        let worst = 0;
        for (let c = 0; c < 3; c++)
            worst = Math.max(worst, Math.abs(a.pixels[i * a.channels + c] - b.pixels[i * b.channels + c]));
        sum += worst;
        if (worst > threshold) bad++;
    }
    return {sameSize : true, badShare : bad / n, meanDiff : sum / n};
}

export function imageStats(png) {
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

export function checkScreenshot(file, label) {
    const stats = imageStats(decodePng(fs.readFileSync(file)));
    check(stats.distinct >= 64 && stats.foreground >= 0.02, `${label}: screenshot is not blank`,
          `${path.relative(process.cwd(), file)}: ${stats.distinct} colours, ` +
              `${(stats.foreground * 100).toFixed(1)}% non-background`);
}

// [SECTION] The server
export function startServer(serve, dist) {
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

// [SECTION] The browser: headless chromium with software WebGL2 in a fresh profile; requests outside
// the test server are refused and listed. Returns {context, page, profile, foreignRequests}.
// `options`: more launchPersistentContext options (e.g. deviceScaleFactor, viewport).
export async function launchBrowser(executablePath, origin, options = {}) {
    const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'tabiji-chromium-'));
    const context = await chromium.launchPersistentContext(profile, {
        executablePath,
        headless : true,
        viewport : {width : 1280, height : 800},
        acceptDownloads : true,
        args : [
            '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
            '--disable-component-update', '--disable-sync', '--disable-quic', '--enable-unsafe-swiftshader',
            '--use-gl=angle', '--use-angle=swiftshader'
        ],
        ...options,
    });
    const foreignRequests = [];
    await context.route('**/*', (route) => {
        const url = route.request().url();
        if (new URL(url).origin === origin) return route.continue();
        foreignRequests.push(url);
        return route.abort();
    });
    const page = context.pages()[0] || (await context.newPage());
    return {context, page, profile, foreignRequests};
}

// Polls Module.tabijiState() until `predicate` holds; throws with the last state and the console.
export function stateWaiter(page, timeoutMs, consoleLines, pageErrors) {
    const state = () =>
        page.evaluate(() => (window.Module && Module.tabijiState ? Module.tabijiState() : null));
    async function waitFor(what, predicate) {
        const deadline = Date.now() + timeoutMs;
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
    return {state, waitFor};
}

// [SECTION] Options: `--name value` pairs (kebab-case names become camelCase). Every page test knows dist,
// serve, browser, timeoutMs, tabiji (the native CLI) and out (screenshots); `extra` adds the options of one
// test with their defaults.
const repoRoot = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..');
export function parseArgs(argv, extra = {}) {
    const opts = {
        dist : path.join(repoRoot, 'build', 'web', 'dist'),
        serve : path.join(repoRoot, 'serve.py'),
        browser : '/usr/bin/chromium',
        timeoutMs : 60000,
        tabiji : path.join(repoRoot, 'build', 'native-release', 'cli', 'tabiji'),
        out : path.join(repoRoot, 'build', 'browser-screenshots'),
        ...extra,
    };
    for (let i = 2; i < argv.length; i += 2) {
        const key = argv[i].replace(/^--/, '').replace(/-([a-z])/g, (_, c) => c.toUpperCase());
        if (!(key in opts) || argv[i + 1] === undefined)
            throw new Error(`unknown or incomplete option ${argv[i]}`);
        opts[key] = key === 'timeoutMs' ? Number(argv[i + 1]) : argv[i + 1];
    }
    return opts;
}

// [SECTION] A whole page test: serve `opts.dist`, open chromium, run body({page, origin, browser, state,
// waitFor, consoleLines, pageErrors}), then check that the page raised no error and made no request outside
// the test server, clean up (the browser, the server, then `cleanup()`), print the summary, and exit with
// its status.
export async function runPageTest(label, opts, body, cleanup = () => {}) {
    let code = 1;
    try {
        if (!fs.existsSync(path.join(opts.dist, 'tabiji.js'))) {
            check(false, 'web build present',
                  `${opts.dist}/tabiji.js is missing: build the web preset first ` +
                      '(cmake --preset web && cmake --build --preset web)');
            process.exit(1);
        }
        const {child : server, origin} = await startServer(opts.serve, opts.dist);
        const consoleLines = [], pageErrors = [];
        let browser;
        try {
            browser = await launchBrowser(opts.browser, origin);
            const {page} = browser;
            page.on('console', (m) => consoleLines.push(`[${m.type()}] ${m.text()}`));
            page.on('pageerror', (e) => pageErrors.push(String(e && e.stack || e)));
            await body({
                page,
                origin,
                browser,
                consoleLines,
                pageErrors,
                ...stateWaiter(page, opts.timeoutMs, consoleLines, pageErrors)
            });
            check(pageErrors.length === 0, 'no page errors', pageErrors.join(' | '));
            check(browser.foreignRequests.length === 0, 'no request left the test server',
                  browser.foreignRequests.join(', '));
        } catch (e) {
            check(false, `${label} ran to the end`, e.message);
        } finally {
            if (browser) {
                await browser.context.close().catch(() => {});
                fs.rmSync(browser.profile, {recursive : true, force : true});
            }
            server.kill();
        }
        console.log(failureCount() ? `${failureCount()} check(s) failed` : 'all checks passed');
        code = failureCount() ? 1 : 0;
    } catch (e) {
        console.log(`FAIL - ${label} crashed (${e && e.stack || e})`);
    } finally {
        try {
            cleanup();
        } catch (e) {
            console.log(`info - clean-up failed: ${e.message}`);
        }
    }
    process.exit(code);
}
