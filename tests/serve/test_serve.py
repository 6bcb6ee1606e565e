#!/usr/bin/env python3
"""Tests of serve.py, the static server of the built web app (standard library unittest).

One server is started for the whole class on a free port of 127.0.0.1 (--port 0), serving a temporary
folder made here (--dir), with a secret file beside that folder that no request may reach: path traversal
in every spelling, symlinks leading out, directory listings, and methods other than GET and HEAD.
"""
import http.client
import os
import subprocess
import sys
import tempfile
import threading
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
SERVE = os.path.join(HERE, "..", "..", "serve.py")
SECRET = b"the secret beside the served folder\n"
TIMEOUT = 10  # seconds for the server to start and for each request


class ServeTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        top = cls.tmp.name
        with open(os.path.join(top, "secret.txt"), "wb") as f:
            f.write(SECRET)
        os.mkdir(os.path.join(top, "outside"))
        with open(os.path.join(top, "outside", "index.html"), "wb") as f:
            f.write(SECRET)
        www = cls.www = os.path.join(top, "www")
        os.makedirs(os.path.join(www, "sub"))
        os.makedirs(os.path.join(www, "listme"))
        os.makedirs(os.path.join(www, "linked"))
        with open(os.path.join(www, "index.html"), "wb") as f:
            f.write(b"<!doctype html><title>app</title>\n")
        with open(os.path.join(www, "app.wasm"), "wb") as f:
            f.write(b"\0asm\1\0\0\0")
        with open(os.path.join(www, "sub", "page.html"), "wb") as f:
            f.write(b"<p>inside</p>\n")
        with open(os.path.join(www, "listme", "hidden-name.txt"), "wb") as f:
            f.write(b"a file in a folder without index.html\n")
        os.symlink(os.path.join(top, "secret.txt"), os.path.join(www, "leak.txt"))
        os.symlink(os.path.join(top, "outside"), os.path.join(www, "outdir"))
        os.symlink(os.path.join(top, "secret.txt"), os.path.join(www, "linked", "index.html"))
        os.symlink(os.path.join(www, "sub", "page.html"), os.path.join(www, "alias.html"))  # stays inside

        cls.proc = subprocess.Popen([sys.executable, SERVE, "--dir", www, "--port", "0", "--quiet"],
                                    stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        first = []
        reader = threading.Thread(target=lambda: first.append(cls.proc.stdout.readline()), daemon=True)
        reader.start()
        reader.join(TIMEOUT)
        if not first or "http://" not in first[0]:
            cls.stop()
            raise RuntimeError(f"serve.py did not start: {first!r}")
        cls.banner = first[0]
        address = first[0].split("http://", 1)[1].split("/", 1)[0]
        cls.host, port = address.rsplit(":", 1)
        cls.port = int(port)

    @classmethod
    def stop(cls):
        cls.proc.terminate()
        try:
            cls.proc.wait(TIMEOUT)
        except subprocess.TimeoutExpired:
            cls.proc.kill()
            cls.proc.wait()
        cls.proc.stdout.close()
        cls.proc.stderr.close()

    @classmethod
    def tearDownClass(cls):
        cls.stop()
        cls.tmp.cleanup()

    def request(self, method, path):
        """(status, headers, body) of one request with `path` sent exactly as written."""
        conn = http.client.HTTPConnection(self.host, self.port, timeout=TIMEOUT)
        try:
            conn.putrequest(method, path, skip_host=True, skip_accept_encoding=True)
            conn.putheader("Host", f"{self.host}:{self.port}")
            conn.endheaders()
            r = conn.getresponse()
            return r.status, r.headers, r.read()
        finally:
            conn.close()

    def assertRefused(self, path, method="GET"):
        status, _, body = self.request(method, path)
        self.assertIn(status, (400, 403, 404), f"{method} {path}")
        self.assertNotIn(SECRET.strip(), body, f"{method} {path}")

    def test_binds_loopback_by_default(self):
        self.assertEqual(self.host, "127.0.0.1")
        self.assertIn("http://127.0.0.1:", self.banner)

    def test_index_with_isolation_headers(self):
        for path in ("/", "/index.html"):
            status, headers, body = self.request("GET", path)
            self.assertEqual(status, 200, path)
            self.assertIn(b"<title>app</title>", body)
            self.assertEqual(headers["Content-Type"], "text/html; charset=utf-8")
            self.assertEqual(headers["Cross-Origin-Opener-Policy"], "same-origin")
            self.assertEqual(headers["Cross-Origin-Embedder-Policy"], "require-corp")

    def test_wasm_mime_type(self):
        status, headers, body = self.request("GET", "/app.wasm")
        self.assertEqual((status, headers["Content-Type"], body), (200, "application/wasm", b"\0asm\1\0\0\0"))
        self.assertEqual(headers["Cross-Origin-Embedder-Policy"], "require-corp")

    def test_head_has_headers_and_no_body(self):
        status, headers, body = self.request("HEAD", "/app.wasm")
        self.assertEqual((status, headers["Content-Type"], headers["Content-Length"], body),
                         (200, "application/wasm", "8", b""))
        status, _, body = self.request("HEAD", "/missing.js")
        self.assertEqual((status, body), (404, b""))

    def test_files_inside_are_served(self):
        self.assertEqual(self.request("GET", "/sub/page.html")[:3:2], (200, b"<p>inside</p>\n"))
        self.assertEqual(self.request("GET", "/sub/./page.html?x=1#f")[0], 200)
        self.assertEqual(self.request("GET", "/alias.html")[:3:2], (200, b"<p>inside</p>\n"))

    def test_dot_dot_segments(self):
        for path in ("/../secret.txt", "/sub/../../secret.txt", "/sub/../index.html", "/..", "/../"):
            self.assertRefused(path)

    def test_percent_encoded_traversal(self):
        for path in ("/%2e%2e/secret.txt", "/%2E%2E/secret.txt", "/sub/%2e%2e/%2e%2e/secret.txt",
                     "/.%2e/secret.txt", "/..%2fsecret.txt", "/sub%2f..%2f..%2fsecret.txt",
                     "/%2f..%2f..%2fsecret.txt", "/%252e%252e/secret.txt", "/%2e%2e%00/secret.txt",
                     "/%ff%fe/secret.txt"):
            self.assertRefused(path)

    def test_backslashes(self):
        for path in ("/..\\secret.txt", "/sub\\..\\..\\secret.txt", "/%5c..%5csecret.txt",
                     "/..%5csecret.txt"):
            self.assertRefused(path)

    def test_absolute_paths(self):
        secret = os.path.join(self.tmp.name, "secret.txt")
        for path in (secret, "/" + secret, "//" + secret.lstrip("/"), "/%2f" + secret.lstrip("/"),
                     "http://127.0.0.1/../secret.txt", "secret.txt", "*", "//etc/passwd"):
            self.assertRefused(path)

    def test_symlinks_leading_outside(self):
        for path in ("/leak.txt", "/outdir/index.html", "/outdir/", "/linked/", "/linked/index.html"):
            self.assertRefused(path)
            self.assertRefused(path, "HEAD")

    def test_no_directory_listing(self):
        for path in ("/listme/", "/listme", "/sub/"):
            status, _, body = self.request("GET", path)
            self.assertEqual(status, 404, path)
            self.assertNotIn(b"hidden-name", body)
            self.assertNotIn(b"page.html", body)

    def test_other_methods_rejected(self):
        for method in ("POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "CONNECT", "BREW"):
            status, _, body = self.request(method, "/index.html")
            self.assertIn(status, (405, 501), method)
            self.assertNotIn(b"<title>app</title>", body, method)


if __name__ == "__main__":
    unittest.main(verbosity=2)
