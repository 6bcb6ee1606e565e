// The page's handle on the app, linked into tabiji.js (--post-js). Files are streamed into the C++ CSV
// reader in chunks (never held whole twice); state comes back as JSON.
//   Module.tabijiOpenFile(file)        a File from the picker or a drop; read with File.slice
//   Module.tabijiOpenUrl(url, name[, response])  a same-origin URL, streamed from the response body (or
//                                      from a fetch of it already under way, a Promise of its Response)
//   Module.tabijiOpenText(name, text)  text given by a script (tests)
//   Module.tabijiLoadFont(url)         the Japanese TrueType font
//   Module.tabijiState()               what is loaded and drawn (see web/state_json.cpp)
//   Module.tabijiCommand(name, arg)    a command (web/commands.hpp) -> {ok, result, error}
//   Module.tabijiRequestOpen(file)     open a dropped file, asking first when work is unsaved
//   Module.tabijiRestoreSession(openDefault)  after a reload: the last log (IndexedDB) and the autosave
//                                      (localStorage), or openDefault() when no log was kept
//   Module.tabijiTraining(cmd, text, number)  drives training mode (web/training_exports.cpp); true if done
//   Module.tabijiQuizCsv()             the quiz's score summary as CSV
//   Module.tabijiSetMap({activities, paths, performance, stages, channels})   the map panel's widgets
//   Module.tabijiZoom(factor, x, y)    zoom around a point in CSS pixels (pinch gestures use it)
// Each open* returns a Promise of true (the map now shows the file) or false (the app shows why not).
(function() {
'use strict';
var CHUNK = 4 * 1024 * 1024;

function fail(id, error) {
    var message = String((error && error.message) || error || 'could not be read');
    Module.ccall('tabiji_load_fail', null, [ 'number', 'string' ], [ id, message ]);
    return false;
}

// Copies one chunk into the app's buffer and parses it. False: stop (error, or a newer load began).
function feed(id, bytes) {
    for (var off = 0; off < bytes.length; off += CHUNK) {
        var part = bytes.subarray(off, Math.min(off + CHUNK, bytes.length));
        var ptr = Module._tabiji_load_buffer(part.length);
        if (!ptr) return fail(id, 'out of memory');
        HEAPU8.set(part, ptr); // HEAPU8 is re-read after the call: memory may have grown
        if (!Module._tabiji_load_feed(id, part.length)) return false;
    }
    return true;
}

// nextChunk() resolves to a Uint8Array, or null at the end.
async function load(name, size, nextChunk) {
    var id =
        Module.ccall('tabiji_load_begin', 'number', [ 'string', 'number' ], [ name, size > 0 ? size : -1 ]);
    try {
        for (;;) {
            var chunk = await nextChunk();
            if (chunk === null) break;
            if (!feed(id, chunk)) return false;
        }
        return Module._tabiji_load_finish(id) === 1;
    } catch (e) {
        return fail(id, e);
    }
}

// A gzip file (magic bytes 1f 8b, whatever its name) is inflated by the browser's DecompressionStream on
// the way in; its decompressed size is unknown, so no percentage is shown for it.
async function isGzip(file) {
    var head = new Uint8Array(await file.slice(0, 2).arrayBuffer());
    return head.length === 2 && head[0] === 0x1f && head[1] === 0x8b;
}

Module.tabijiOpenFile = async function(file) {
    var ok = await openFile(file);
    if (ok) keepLog(file);
    return ok;
};

async function openFile(file) {
    if (await isGzip(file)) {
        var reader = file.stream().pipeThrough(new DecompressionStream('gzip')).getReader();
        return load(file.name, -1, async function() {
            var part = await reader.read();
            return part.done ? null : part.value;
        });
    }
    var off = 0;
    return load(file.name, file.size, async function() {
        if (off >= file.size) return null;
        var bytes = new Uint8Array(await file.slice(off, off + CHUNK).arrayBuffer());
        off += bytes.length;
        return bytes;
    });
}

Module.tabijiOpenUrl = async function(url, name, pending) {
    name = name || decodeURIComponent(url.split('/').pop());
    forgetLog();
    var reader = null, started = false;
    return load(name, -1, async function() {
        if (!started) {
            started = true;
            var response = await (pending || fetch(url));
            if (!response.ok) throw new Error('HTTP ' + response.status + ' for ' + url);
            reader = response.body.getReader();
        }
        var part = await reader.read();
        return part.done ? null : part.value;
    });
};

Module.tabijiOpenText = function(name, text) {
    var bytes = new TextEncoder().encode(text), done = false;
    return load(name, bytes.length, async function() {
        if (done) return null;
        done = true;
        return bytes;
    });
};

Module.tabijiLoadFont = async function(url) {
    try {
        var response = await fetch(url, {priority: 'low'}); // after the log the map waits for
        if (!response.ok) throw new Error('HTTP ' + response.status);
        var bytes = new Uint8Array(await response.arrayBuffer());
        var ptr = Module._tabiji_font_buffer(bytes.length);
        if (!ptr) throw new Error('out of memory');
        HEAPU8.set(bytes, ptr);
        Module._tabiji_font_ready(1);
        return true;
    } catch (e) {
        console.warn('tabiji: no Japanese font (' + url + '): ' + e.message);
        Module._tabiji_font_ready(0);
        return false;
    }
};

Module.tabijiTraining = function(command, text, number) {
    return Module.ccall('tabiji_training', 'number', [ 'string', 'string', 'number' ],
                        [ command, text || '', number || 0 ]) === 1;
};

Module.tabijiQuizCsv = function() { return UTF8ToString(Module._tabiji_quiz_csv()); };

Module.tabijiSetMap = function(o) {
    var num = function(v) { return typeof v === 'number' ? v : -1; };
    var flag = function(v) { return typeof v === 'boolean' ? (v ? 1 : 0) : -1; };
    Module._tabiji_map_set(num(o.activities), num(o.paths), flag(o.performance), flag(o.stages),
                           flag(o.channels));
};

Module.tabijiZoom = function(factor, x, y) {
    Module._tabiji_map_zoom(factor, typeof x === 'number' ? x : -1, typeof y === 'number' ? y : -1);
};

// Pinch zoom: two fingers on the canvas zoom around their midpoint (Emscripten's GLFW has no touch).
function installPinch(canvas) {
    var last = 0;
    function spread(t) { return Math.hypot(t[0].clientX - t[1].clientX, t[0].clientY - t[1].clientY); }
    canvas.addEventListener('touchstart', function(e) {
        if (e.touches.length === 2) last = spread(e.touches);
    }, {passive : true});
    canvas.addEventListener('touchmove', function(e) {
        if (e.touches.length !== 2 || last <= 0) return;
        e.preventDefault();
        var d = spread(e.touches), r = canvas.getBoundingClientRect();
        if (d > 0) {
            Module.tabijiZoom(d / last, (e.touches[0].clientX + e.touches[1].clientX) / 2 - r.left,
                              (e.touches[0].clientY + e.touches[1].clientY) / 2 - r.top);
            last = d;
        }
    }, {passive : false});
    canvas.addEventListener('touchend', function(e) {
        if (e.touches.length < 2) last = 0;
    }, {passive : true});
}
if (Module.canvas) installPinch(Module.canvas);

Module.tabijiState = function() {
    if (!Module.calledRun) return {ready : false, loading : true, error : '', starting : true};
    return JSON.parse(UTF8ToString(Module._tabiji_state_json()));
};

// [SECTION] Commands
Module.tabijiCommand = function(name, arg) {
    var bytes = arg instanceof Uint8Array ? arg : new TextEncoder().encode(arg === undefined ? '' : String(arg));
    var ptr = Module._malloc(Math.max(1, bytes.length));
    HEAPU8.set(bytes, ptr);
    try {
        var answer = Module.ccall('tabiji_command', 'number', [ 'string', 'number', 'number' ],
                                  [ name, ptr, bytes.length ]);
        return JSON.parse(UTF8ToString(answer));
    } finally {
        Module._free(ptr);
    }
};

// [SECTION] Downloads (the app's exports and project files). The last one is kept for tests.
function saveBlob(name, blob) {
    var a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = name;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(function() { URL.revokeObjectURL(a.href); }, 10000);
    Module.tabijiLastDownload = {name : name, type : blob.type, size : blob.size};
}
Module.tabijiDownload = function(name, mime, bytes) { saveBlob(name, new Blob([ bytes ], {type : mime})); };
// Called right after a frame is drawn, while the drawing buffer still holds it.
Module.tabijiDownloadCanvas = function(name) {
    var url = Module.canvas.toDataURL('image/png');
    var bin = atob(url.split(',')[1]), bytes = new Uint8Array(bin.length);
    for (var i = 0; i < bin.length; ++i) bytes[i] = bin.charCodeAt(i);
    saveBlob(name, new Blob([ bytes ], {type : 'image/png'}));
};

// [SECTION] Project files picked by the user
Module.tabijiOpenProjectFile = async function(file) {
    var bytes = new Uint8Array(await file.arrayBuffer());
    var answer = Module.tabijiCommand('open_project', bytes);
    return answer.ok;
};
Module.tabijiPickProject = function() {
    var input = document.createElement('input');
    input.type = 'file';
    input.accept = '.json,.tabiji,application/json';
    input.addEventListener('change', function() {
        if (input.files.length > 0) Module.tabijiOpenProjectFile(input.files[0]);
    });
    input.click();
};

// [SECTION] A dropped file waits here while the app asks whether to discard unsaved work.
var pendingFile = null;
Module.tabijiRequestOpen = function(file) {
    pendingFile = file;
    Module.tabijiCommand('confirm_open', 'drop');
};
Module.tabijiPendingFile = function(open) {
    var file = pendingFile;
    pendingFile = null;
    if (open && file) Module.tabijiOpenFile(file);
};

// [SECTION] Work kept in the browser: the last log opened from disk (IndexedDB, the File itself) and the
// autosave of the project (localStorage, written by the app after every change).
var AUTOSAVE = 'tabiji.autosave';
// Set while IndexedDB keeps a log: without it the database is not opened at all at start (opening it takes
// half a second in a new profile, which the first visit would wait for before its sample).
var KEPT = 'tabiji.kept-log';
// The kept log is asked for as soon as this script runs, while the module is still compiled.
var keptAtStart = null;
function localFlag(name, value) { // value: true sets, false clears, undefined reads; null when unavailable
    try {
        if (value === true) localStorage.setItem(name, '1');
        else if (value === false) localStorage.removeItem(name);
        return localStorage.getItem(name) !== null;
    } catch (e) {
        return null;
    }
}
function database() {
    return new Promise(function(resolve, reject) {
        var request = indexedDB.open('tabiji', 1);
        request.onupgradeneeded = function() { request.result.createObjectStore('logs'); };
        request.onsuccess = function() { resolve(request.result); };
        request.onerror = function() { reject(request.error); };
    });
}
async function store(mode, action) {
    var db = await database();
    return new Promise(function(resolve, reject) {
        var tx = db.transaction('logs', mode), request = action(tx.objectStore('logs'));
        tx.oncomplete = function() { resolve(request.result); };
        tx.onerror = function() { reject(tx.error); };
    });
}
function keepLog(file) {
    store('readwrite', function(s) { return s.put(file, 'last'); })
        .then(function() { localFlag(KEPT, true); })
        .catch(function(e) { console.warn('tabiji: the log is not kept for a reload: ' + e.message); });
}
function forgetLog() {
    localFlag(KEPT, false);
    store('readwrite', function(s) { return s.delete('last'); }).catch(function() {});
}
function keptLog() {
    if (!keptAtStart) {
        keptAtStart = localFlag(KEPT) === false ? Promise.resolve(null)
                                                : store('readonly', function(s) { return s.get('last'); });
        keptAtStart.catch(function() {}); // reported when it is used
    }
    return keptAtStart;
}
keptLog();
Module.tabijiRestoreSession = async function(openDefault) {
    var saved = localStorage.getItem(AUTOSAVE); // read first: the app rewrites it once a log is on screen
    var file = null;
    try {
        file = await keptLog();
    } catch (e) {
        console.warn('tabiji: no kept log: ' + e.message);
    }
    var opened = file ? await openFile(file) : false;
    if (!opened) await openDefault();
    if (saved) return Module.tabijiCommand('restore', saved).ok;
    return false;
};

// Leaving the page with unsaved work: the browser asks first (the autosave keeps it for a reload anyway).
window.addEventListener('beforeunload', function(e) {
    if (!Module.calledRun) return;
    var state = Module.tabijiState();
    if (state.dirty) {
        e.preventDefault();
        e.returnValue = '';
    }
});
})();
