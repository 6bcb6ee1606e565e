// The bad-input corpus (tests/bad_input/, plus inputs too big to commit, made in the page) given to the web
// app through Module.tabijiOpenFile, as a file picked or dropped by a user would be. For each input the
// app must either refuse it with the expected message while keeping the journey it showed before, or
// (what the page reads leniently by design: bad bytes replaced, bad rows skipped) read it and count the
// problem in its read report; in every case the open promise settles, no page error is raised, and frames
// keep coming. Prints one line per check; exits non-zero on any failure.
//
//   node bad_input.mjs --dist build/web/dist --serve serve.py [--timeout-ms 60000]
import fs from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';

import {check, info, parseArgs, runPageTest} from './harness.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '..', '..');
const corpus = path.join(repo, 'tests', 'bad_input');

// What each input must do. `file`: from tests/bad_input (sent to the page as bytes); `parts`: text built
// inside the page from [piece, times repeated] pairs, so 10 MB never cross the wire. `error`: the app
// refuses it and its error holds that text; `problem`: the page reads it leniently and its read report
// counts that problem kind `count` times.
const kHead = 'case_id,activity,timestamp\n';
const cases = [
    {name : 'truncated.csv.gz', file : 'truncated.csv.gz', error : 'truncated.csv.gz'},
    {name : 'empty.csv', file : 'empty.csv', error : 'the file is empty'},
    {name : 'billion_laughs.xes', file : 'billion_laughs.xes', error : 'entity declarations are refused'},
    {name : 'wrong_separator.csv', file : 'wrong_separator.csv', error : 'no case id column found'},
    {name : 'xes_chunk_error.xes', file : 'xes_chunk_error.xes', error : 'malformed XML'},
    {
        // The page reads leniently: the one line, nested too deep, is skipped, and nothing is left.
        name : 'deep.jsonl',
        parts : [
            [ '{"case_id": "1", "activity": "A", "x": ', 1 ], [ '[', 100000 ], [ ']', 100000 ], [ '}\n', 1 ]
        ],
        error : 'no JSON object in the file'
    },
    {
        name : 'deep.jsonocel',
        parts : [ [ '{"ocel:events": {"e": {"x": ', 1 ], [ '[', 100000 ] ],
        error : 'JSON nested deeper than 256 levels'
    },
    {
        name : 'deep.xes',
        parts : [ [ '<log><trace><string key="concept:name" value="1"/>', 1 ], [ '<list key="x">', 100000 ] ],
        error : 'malformed XML: no element found'
    },
    {
        // A 10 MB line that ends early: the only record is skipped (ragged), so nothing is left to show.
        name : 'long_line.csv',
        parts : [ [ kHead + '1,', 1 ], [ 'x', 10 << 20 ], [ '\n', 1 ] ],
        error : 'long_line.csv: no events found'
    },
    // Not UTF-8, so read as CP932 (Shift_JIS, what Excel writes in Japan), where 0xFF and 0xFE are invalid.
    {name : 'invalid_utf8.csv', file : 'invalid_utf8.csv', problem : 'invalid_encoding', count : 2},
    {name : 'nul_bytes.csv', file : 'nul_bytes.csv', problem : 'invalid_encoding', count : 1},
    // The control of the case above: Japanese text in Shift_JIS is read, names intact.
    {
        name : 'shift_jis.csv',
        bytes : Buffer.from('case_id,activity,timestamp\n1,\x83\x45\x83\x46\x83\x75,2024-01-01T00:00:00Z\n' +
                                '1,\x93\x64\x98\x62,2024-01-01T00:01:00Z\n',
                            'latin1'),
        nodes : [ '\u30a6\u30a7\u30d6', '\u96fb\u8a71' ] // ウェブ 電話
    },
    {name : 'ragged_rows.csv', file : 'ragged_rows.csv', problem : 'ragged_row', count : 1},
    {
        name : 'timestamp_out_of_range.csv',
        file : 'timestamp_out_of_range.csv',
        problem : 'bad_timestamp',
        count : 1
    },
];

const opts = parseArgs(process.argv);
runPageTest('bad input test', opts, async ({page, origin, state, waitFor}) => {
    // The default sample first: the journey every refused input must leave on screen.
    await page.goto(`${origin}/`);
    let s = await waitFor('the default sample on screen', (st) => st.ready && st.frames_with_journey > 2);
    info(`${s.log} on screen before the bad inputs (${s.events} events)`);

    for (const c of cases) {
        const before = await state();
        // Open through the page's own entry point; the promise says whether the map now shows it.
        const opened = await page.evaluate(async ({name, b64, parts}) => {
            const bytes = b64 !== null
                              ? Uint8Array.from(atob(b64), (ch) => ch.charCodeAt(0))
                              : new TextEncoder().encode(parts.map(([ t, n ]) => t.repeat(n)).join(''));
            return Module.tabijiOpenFile(new File([ bytes ], name));
        }, {
            name : c.name,
            b64 : c.file    ? fs.readFileSync(path.join(corpus, c.file)).toString('base64')
                  : c.bytes ? c.bytes.toString('base64')
                            : null,
            parts : c.parts || null
        });
        s = await waitFor(`${c.name} settled`, (st) => !st.loading);
        if (c.error) {
            check(opened === false && s.error.includes(c.error), `${c.name}: refused with '${c.error}'`,
                  `opened ${opened}, error '${s.error}'`);
            check(s.log === before.log && s.journey_generation === before.journey_generation,
                  `${c.name}: the previous journey (${before.log}) is kept`,
                  `now ${s.log}, generation ${before.journey_generation} -> ${s.journey_generation}`);
        } else if (c.nodes) {
            const names = (s.node_list || []).map((n) => n.name).sort();
            check(opened === true && s.log === c.name && JSON.stringify(names) === JSON.stringify(c.nodes),
                  `${c.name}: read, touchpoints ${c.nodes.join(', ')}`,
                  `opened ${opened}, error '${s.error}', nodes ${names}`);
        } else {
            const n = (s.read.problems || {})[c.problem] || 0;
            check(opened === true && s.log === c.name && n === c.count,
                  `${c.name}: read leniently, ${c.count} ${c.problem} in the read report`,
                  `opened ${opened}, log ${s.log}, error '${s.error}', problems ${
                      JSON.stringify(s.read.problems)}`);
        }
        // Frames keep coming (software WebGL on a shared machine: a few per second at worst).
        const frames = s.frames, t0 = Date.now();
        s = await waitFor(`frames after ${c.name}`,
                          (st) => st.frames >= frames + 5 || Date.now() - t0 > 3000);
        check(s.frames >= frames + 5, `${c.name}: frames keep rendering`,
              `${s.frames - frames} frames in ${Date.now() - t0} ms`);
    }
    info(`${cases.length} inputs`);
});
