#!/usr/bin/env python3
"""Serves the built Tabiji web app (and nothing else) on a local port.

    python3 serve.py                      # build/web/dist on http://127.0.0.1:8000/
    python3 serve.py --port 9000 --dir some/dist --host 0.0.0.0

Every response carries COOP/COEP/CORP headers (so threads and SharedArrayBuffer are allowed), files get
the MIME types browsers insist on (application/wasm for .wasm), paths that leave the folder (.., encoded
forms, symlinks pointing outside) are refused, and folders are never listed. Standard library only.
"""

import argparse
import http.server
import os
import posixpath
import shutil
import signal
import sys
import urllib.parse

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_DIR = os.path.join(HERE, "build", "web", "dist")

MIME_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".mjs": "text/javascript; charset=utf-8",
    ".wasm": "application/wasm",
    ".json": "application/json",
    ".css": "text/css; charset=utf-8",
    ".csv": "text/csv; charset=utf-8",
    ".txt": "text/plain; charset=utf-8",
    ".ttf": "font/ttf",
    ".otf": "font/otf",
    ".png": "image/png",
    ".svg": "image/svg+xml",
    ".ico": "image/x-icon",
    ".map": "application/json",
}

ISOLATION_HEADERS = {
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Embedder-Policy": "require-corp",
    "Cross-Origin-Resource-Policy": "same-origin",
    "X-Content-Type-Options": "nosniff",
}


def resolve(root, url_path):
    """The file under `root` that `url_path` names, or None when it is outside root or not a file.

    `root` must be a real path (symlinks resolved). Decoding happens once, here; a decoded path with
    '..' segments, backslashes or NUL bytes is refused outright rather than normalised.
    """
    path = urllib.parse.unquote(urllib.parse.urlsplit(url_path).path, errors="strict")
    if "\x00" in path or "\\" in path:
        return None
    parts = [p for p in path.split("/") if p not in ("", ".")]
    if any(p == ".." for p in parts):
        return None
    if not parts:
        parts = ["index.html"]
    candidate = os.path.realpath(os.path.join(root, *parts))
    if os.path.isdir(candidate):
        # never a listing; resolved again, as the index.html of a folder can itself be a symlink
        candidate = os.path.realpath(os.path.join(candidate, "index.html"))
    if os.path.commonpath([root, candidate]) != root:
        return None  # a symlink that leads outside the folder
    return candidate if os.path.isfile(candidate) else None


class Handler(http.server.BaseHTTPRequestHandler):
    server_version = "TabijiServe/1.0"
    root = DEFAULT_DIR  # replaced by main()

    def end_headers(self):
        for name, value in ISOLATION_HEADERS.items():
            self.send_header(name, value)
        super().end_headers()

    def send_error(self, code, message=None, explain=None):
        # Plain, short error bodies (the default page would be text/html without our headers' intent).
        body = f"{code} {message or self.responses.get(code, ('',))[0]}\n".encode()
        self.send_response(code, message)
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Connection", "close")
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _serve(self, with_body):
        raw = urllib.parse.urlsplit(self.path).path
        if not raw.startswith("/"):
            self.send_error(400, "Bad request path")
            return
        try:
            file_path = resolve(self.root, raw)
        except UnicodeDecodeError:
            file_path = None
        if file_path is None:
            self.send_error(404, "Not found")
            return
        ext = posixpath.splitext(file_path)[1].lower()
        try:
            f = open(file_path, "rb")
        except OSError:
            self.send_error(403, "Forbidden")
            return
        with f:
            self.send_response(200)
            self.send_header("Content-Type", MIME_TYPES.get(ext, "application/octet-stream"))
            self.send_header("Content-Length", str(os.fstat(f.fileno()).st_size))
            self.send_header("Cache-Control", "no-cache")
            self.end_headers()
            if with_body:
                try:
                    shutil.copyfileobj(f, self.wfile, 1 << 20)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the browser went away mid-file

    def do_GET(self):
        self._serve(True)

    def do_HEAD(self):
        self._serve(False)

    def _refuse(self):
        self.send_error(405, "Method not allowed")

    do_POST = do_PUT = do_DELETE = do_PATCH = do_OPTIONS = _refuse

    def log_message(self, fmt, *args):
        sys.stderr.write("serve: %s %s\n" % (self.address_string(), fmt % args))


def main(argv=None):
    parser = argparse.ArgumentParser(description="Serve the built Tabiji web app with COOP/COEP headers.")
    parser.add_argument("--dir", default=DEFAULT_DIR, help="folder to serve (default: build/web/dist)")
    parser.add_argument("--port", type=int, default=8000, help="port (default 8000; 0 picks a free one)")
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    parser.add_argument("--quiet", action="store_true", help="do not log requests")
    args = parser.parse_args(argv)

    root = os.path.realpath(args.dir)
    if not os.path.isdir(root):
        print(f"serve: {args.dir} is not a folder (build the web app first: "
              "cmake --preset web && cmake --build --preset web)", file=sys.stderr)
        return 2
    Handler.root = root
    if args.quiet:
        Handler.log_message = lambda self, fmt, *a: None
    try:
        server = http.server.ThreadingHTTPServer((args.host, args.port), Handler)
    except OSError as e:
        print(f"serve: cannot listen on {args.host}:{args.port}: {e}", file=sys.stderr)
        return 2
    server.daemon_threads = True
    host, port = server.server_address[:2]
    shown = f"[{host}]" if ":" in host else host
    print(f"Serving {root} at http://{shown}:{port}/ (Ctrl-C to stop)", flush=True)
    # Ctrl-C and SIGTERM end the server cleanly, even when started where SIGINT was ignored (a background job).
    def interrupt(signum, frame):
        raise KeyboardInterrupt
    signal.signal(signal.SIGINT, interrupt)
    signal.signal(signal.SIGTERM, interrupt)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        print("\nserve: stopped", flush=True)
    finally:
        server.server_close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
