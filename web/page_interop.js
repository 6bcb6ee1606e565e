// The page's handle on the app, linked into tabiji.js (--post-js). Files are streamed into the C++ CSV
// reader in chunks (never held whole twice); state comes back as JSON.
//   Module.tabijiOpenFile(file)        a File from the picker or a drop; read with File.slice
//   Module.tabijiOpenUrl(url, name)    a same-origin URL, streamed from the response body
//   Module.tabijiOpenText(name, text)  text given by a script (tests)
//   Module.tabijiLoadFont(url)         the Japanese TrueType font
//   Module.tabijiState()               what is loaded and drawn (see web/state_json.cpp)
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
};

Module.tabijiOpenUrl = async function(url, name) {
    name = name || decodeURIComponent(url.split('/').pop());
    var reader = null, started = false;
    return load(name, -1, async function() {
        if (!started) {
            started = true;
            var response = await fetch(url);
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
        var response = await fetch(url);
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

Module.tabijiState = function() {
    if (!Module.calledRun) return {ready : false, loading : true, error : '', starting : true};
    return JSON.parse(UTF8ToString(Module._tabiji_state_json()));
};
})();
