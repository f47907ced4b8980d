# The sandbox's demo app for `target: git`: a small HTTP service, Python 3 standard library only,
# run by the host's supervisord from the `current` release. It binds APP_ADDR (the host's app
# address). /version answers the VERSION file of its release (no newline), /health `ok <version>`
# (this commit's HEALTHY decides), /revision the REVISION file Gantry writes into each release,
# /greeting GREETING from a linked `.env`, /build what `build.sh` wrote.
import os
import sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

HEALTHY = True


def read(name, default=''):
    try:
        with open(name, encoding='utf-8') as f:
            return f.read().strip()
    except OSError:
        return default


def env_file():
    values = {}
    for line in read('.env').splitlines():
        key, eq, value = line.partition('=')
        if eq:
            values[key.strip()] = value
    return values


VERSION = read('VERSION', 'unknown')


class Handler(BaseHTTPRequestHandler):
    def do_GET(self):
        if self.path == '/version':
            self.answer(200, VERSION)
        elif self.path == '/health':
            self.answer(200, 'ok ' + VERSION) if HEALTHY else self.answer(500, 'unhealthy ' + VERSION)
        elif self.path == '/revision':
            self.answer(200, read('REVISION'))
        elif self.path == '/greeting':
            self.answer(200, env_file().get('GREETING', ''))
        elif self.path == '/build':
            self.answer(200, read('build-info.txt'))
        else:
            self.answer(404, 'not found')

    def answer(self, status, text):
        body = text.encode('utf-8')
        self.send_response(status)
        self.send_header('Content-Type', 'text/plain; charset=utf-8')
        self.send_header('Content-Length', str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


if __name__ == '__main__':
    host, _, port = os.environ.get('APP_ADDR', '127.0.0.1:8080').rpartition(':')
    ThreadingHTTPServer.allow_reuse_address = True
    server = ThreadingHTTPServer((host, int(port)), Handler)
    print(f'blog {VERSION} listening on {host}:{port}', file=sys.stderr, flush=True)
    server.serve_forever()
