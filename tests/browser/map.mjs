// The map view end to end in Debian's chromium: the simplification sliders and the performance switch
// (through Module.tabijiSetMap, the functions the panel's widgets set), hover and click on a touchpoint with
// the real mouse (its details panel opens), the keys + - F, a two-finger pinch, and a high-DPI canvas that
// follows resizes, and a 3,000-touchpoint map laid out in slices while frames keep coming. Asserts through
// Module.tabijiState(); saves screenshots. Exits non-zero on a failure.
//
//   node map.mjs --dist build/web/dist --serve serve.py [--out build/browser-screenshots]
import fs from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';

import {check, launchBrowser, parseArgs, runPageTest, stateWaiter} from './harness.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '..', '..');
const opts = parseArgs(process.argv);

async function canvasSize(page) {
    return page.evaluate(() => {
        const c = document.getElementById('canvas');
        return {
            w : c.width,
            h : c.height,
            cssW : c.clientWidth,
            cssH : c.clientHeight,
            dpr : devicePixelRatio
        };
    });
}

async function pinch(page, x, y, from, to) {
    await page.evaluate(({x, y, from, to}) => {
        const c = document.getElementById('canvas');
        const touches = (d) => [new Touch({identifier : 1, target : c, clientX : x - d / 2, clientY : y}),
                                new Touch({identifier : 2, target : c, clientX : x + d / 2, clientY : y})];
        const send = (type, list) => c.dispatchEvent(new TouchEvent(type, {
            touches : list,
            targetTouches : list,
            changedTouches : list,
            bubbles : true,
            cancelable : true
        }));
        send('touchstart', touches(from));
        for (let i = 1; i <= 5; i++) send('touchmove', touches(from + (to - from) * i / 5));
        send('touchend', []);
    }, {x, y, from, to});
}

fs.mkdirSync(opts.out, {recursive : true});
runPageTest('map test', opts, async ({page, origin, state, waitFor}) => {
    await page.goto(`${origin}/`);
    let s = await waitFor('the sample on screen', (x) => x.ready && x.frames_with_journey > 2);
    const total = s.node_list.length, totalEdges = s.edge_list.length;
    check(s.map.shown_nodes === total && s.nodes === total, 'all touchpoints shown at 100 %',
          `${s.nodes} of ${total}`);
    check(s.map.boxes.length === total, 'boxes on screen reported', `${s.map.boxes.length}`);

    // Sliders: 50 % of the touchpoints (ceil(p N / 100), simplify.hpp), then 30 % of the paths.
    let builds = s.map.builds;
    await page.evaluate(() => Module.tabijiSetMap({activities : 50}));
    s = await waitFor('the map at 50 %', (x) => x.map.builds > builds && x.frames_with_journey > 2);
    const half = Math.ceil(total * 50 / 100);
    check(s.map.shown_nodes === half && s.nodes === half, 'activities slider at 50 %: half the touchpoints',
          `${s.nodes} drawn, ${half} expected`);
    check(s.map.max_node_shift >= 0, 'slider move re-laid out the map',
          `largest move of a kept box ${s.map.max_node_shift.toFixed(0)} world units, layout ${
              s.map.layout_ms.toFixed(1)} ms`);
    const edgesAtHalf = s.edges;
    builds = s.map.builds;
    await page.evaluate(() => Module.tabijiSetMap({paths : 30}));
    s = await waitFor('paths at 30 %', (x) => x.map.builds > builds);
    check(s.edges < edgesAtHalf && s.edges > 0, 'paths slider at 30 %: fewer steps',
          `${s.edges} < ${edgesAtHalf}`);
    await page.screenshot({path : path.join(opts.out, 'map-1-simplified.png')});
    builds = s.map.builds;
    await page.evaluate(() => Module.tabijiSetMap({activities : 100, paths : 100, performance : true}));
    s = await waitFor('back to 100 %, performance', (x) => x.map.builds > builds);
    check(s.nodes === total && s.edges === totalEdges && s.map.performance,
          'back to the whole map, performance view', `${s.nodes}/${s.edges}`);
    await page.waitForTimeout(300);
    await page.screenshot({path : path.join(opts.out, 'map-2-performance.png')});
    // Stages as columns and channel colours (the built-in catalog maps the sample).
    builds = s.map.builds;
    await page.evaluate(() => Module.tabijiSetMap({performance : false, stages : true, channels : true}));
    s = await waitFor('stages', (x) => x.map.builds > builds && x.map.stages && x.map.channels);
    check(s.nodes === total && s.edges === totalEdges, 'stages as columns: the whole map',
          `${s.nodes}/${s.edges}`);
    await page.waitForTimeout(300);
    await page.screenshot({path : path.join(opts.out, 'map-2b-stages.png')});
    builds = s.map.builds;
    await page.evaluate(() => Module.tabijiSetMap({stages : false, channels : false}));
    await waitFor('no stages', (x) => x.map.builds > builds);

    // Hover and click the busiest touchpoint with the mouse.
    await page.waitForTimeout(200);
    s = await state();
    const busiest = [...s.node_list ].sort((a, b) => b.count - a.count)[0].name;
    const box = s.map.boxes.find((b) => b.name === busiest);
    await page.mouse.move(box.x, box.y);
    s = await waitFor('hover', (x) => x.map.hovered === busiest).catch((e) => ({map : {}}));
    check(s.map.hovered === busiest, 'hovering a box highlights it', busiest);
    await page.mouse.click(box.x, box.y);
    s = await waitFor('selection', (x) => x.map.selected === busiest).catch(() => ({map : {}}));
    check(s.map.selected === busiest, 'clicking a box selects it (details panel)', busiest);
    await page.waitForTimeout(200);
    await page.screenshot({path : path.join(opts.out, 'map-3-details.png')});

    // Keys: + zooms in by 1.25, - back, F fits.
    await page.mouse.move(5, 400);
    const scale0 = (await state()).map.scale;
    await page.keyboard.press('+');
    s = await waitFor('+', (x) => x.map.scale > scale0 * 1.2).catch(() => ({map : {scale : 0}}));
    check(Math.abs(s.map.scale / scale0 - 1.25) < 0.01, '+ zooms in',
          `${scale0.toFixed(3)} -> ${s.map.scale.toFixed(3)}`);
    // F down and up inside one task, so no frame can run between them: the tap a busy machine makes of
    // every key press. ImGui 1.86 alone would see the key up at the next frame and lose it.
    await page.evaluate(() => {
        for (const type of ['keydown', 'keyup'])
            window.dispatchEvent(new KeyboardEvent(
                type, {key : 'f', code : 'KeyF', keyCode : 70, which : 70, bubbles : true}));
    });
    s = await waitFor('F', (x) => Math.abs(x.map.scale - scale0) < 1e-3).catch(() => ({map : {scale : 0}}));
    check(Math.abs(s.map.scale - scale0) < 1e-3, 'F tapped between two frames fits again',
          `${s.map.scale.toFixed(3)}`);

    // Pinch: fingers from 100 to 200 px apart double the zoom.
    const scale1 = (await state()).map.scale;
    await pinch(page, 640, 420, 100, 200);
    s = await waitFor('pinch', (x) => x.map.scale > scale1 * 1.5).catch(() => ({map : {scale : 0}}));
    check(Math.abs(s.map.scale / scale1 - 2) < 0.05, 'pinch zooms',
          `${scale1.toFixed(3)} -> ${s.map.scale.toFixed(3)}`);

    // The canvas follows a resize, in device pixels.
    await page.setViewportSize({width : 900, height : 600});
    await page.waitForTimeout(400);
    let c = await canvasSize(page);
    check(c.w === Math.round(c.cssW * c.dpr) && c.cssW === 900 && c.h === Math.round(c.cssH * c.dpr),
          'canvas follows a resize', JSON.stringify(c));

    // A high-DPI screen: the backing store is twice the CSS size.
    const hi = await launchBrowser(opts.browser, origin,
                                   {deviceScaleFactor : 2, viewport : {width : 800, height : 500}});
    try {
        const p2 = hi.page;
        await p2.goto(`${origin}/`);
        await stateWaiter(p2, opts.timeoutMs, [], [])
            .waitFor('the sample at 2x', (x) => x.ready && x.frames_with_journey > 2);
        c = await canvasSize(p2);
        check(c.dpr === 2 && c.w === 1600 && c.h === 1000, 'high-DPI canvas (2x)', JSON.stringify(c));
        await p2.screenshot({path : path.join(opts.out, 'map-4-dpr2.png')});
    } finally {
        await hi.context.close().catch(() => {});
        fs.rmSync(hi.profile, {recursive : true, force : true});
    }

    // A big map is laid out in slices: frames keep coming while it is, with progress shown, and no frame
    // does the whole layout (8 ms a frame, overrun by at most one slice, a few ms).
    // (Once shown, a frame of 30,000 software-rasterised edges takes seconds in SwiftShader: GPU work.)
    await page.setViewportSize({width : 1280, height : 800});
    await page.goto(`${origin}/?bench=3000`);
    let sawPending = null;
    s = await waitFor('the 3,000-touchpoint map', (x) => {
        if (x.map && x.map.pending && x.map.progress > 0 && x.map.progress < 1 && !sawPending)
            sawPending = x.map;
        return x.ready && x.frames_with_journey > 0;
    });
    // The app counts the frames that drew the progress bar part-way; the poll above may or may not catch
    // one (tabijiState() of a big map takes a while on a loaded machine), so it is only printed.
    check(s.map.progress_frames >= 2, 'a layout under way is shown with its progress',
          `${s.map.progress_frames} frames drew the bar part-way; ${
              sawPending ? `the poll saw ${(100 * sawPending.progress).toFixed(0)} %` : 'the poll saw none'}`);
    check(s.nodes === 3000 && !s.map.pending, 'the big map is shown when its layout is done',
          `${s.nodes} touchpoints`);
    // Asserted: the layout was spread over frames, no frame taking more than half of it (quiet machine:
    // about 10 ms of ~350 ms; the times are wall clock, so a loaded machine stretches a slice it preempts).
    // The time between two frames is printed only: it also holds this test's own polling (tabijiState()
    // of 30,000 steps) and the software GL process.
    check(s.map.layout_slices >= 5 && s.map.longest_slice_ms <= 0.5 * s.map.layout_ms,
          'the layout ran in slices while frames kept coming',
          `${s.map.layout_slices} slices, ${s.map.layout_ms.toFixed(0)} ms in all, longest ${
              s.map.longest_slice_ms.toFixed(1)} ms, longest time between two frames ${
              s.map.longest_gap_ms.toFixed(0)} ms, ${s.map.layout_wall_ms.toFixed(0)} ms from start to map`);
});
