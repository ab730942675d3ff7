#!/usr/bin/env python3
"""Serves the built page (wasm/www) on 127.0.0.1 with the security headers a deployment should send:
the Content-Security-Policy as a header too (the page's <meta> cannot say frame-ancestors), no
framing, no MIME sniffing, no referrer, no powerful features; and no-cache, so that a browser asks
for new files (the service worker keeps the page offline). Usage: serve-page.py [PORT] [DIRECTORY]."""
import functools
import http.server
import sys

# The page's own policy (index.html's <meta>) plus what only a header can say.
CSP = ("default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data: blob:; "
       "connect-src 'self'; worker-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; "
       "frame-ancestors 'none'")
HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()",
    "Cache-Control": "no-cache",
}


class Handler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map,
                      ".js": "text/javascript", ".mjs": "text/javascript", ".wasm": "application/wasm"}

    def end_headers(self):
        for name, value in HEADERS.items():
            self.send_header(name, value)
        super().end_headers()

    def log_message(self, *args):
        if "-v" in sys.argv:
            super().log_message(*args)


def main():
    args = [a for a in sys.argv[1:] if a != "-v"]
    port = int(args[0]) if args else 8080
    directory = args[1] if len(args) > 1 else "wasm/www"
    handler = functools.partial(Handler, directory=directory)
    with http.server.ThreadingHTTPServer(("127.0.0.1", port), handler) as server:
        server.serve_forever()


if __name__ == "__main__":
    main()
