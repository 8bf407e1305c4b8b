/**
 * Yardstick: a bare node:http server answering every request with one fixed response.
 * Runs as its own process (like the API), so it never shares an event loop with the load
 * generator. Input (env): YARDSTICK_STATUS, YARDSTICK_CONTENT_TYPE, YARDSTICK_BODY_BASE64.
 * Prints {"port":N} on stdout once listening; stops on SIGTERM.
 */
import http from 'node:http';

const status = Number(process.env.YARDSTICK_STATUS ?? 200);
const contentType = process.env.YARDSTICK_CONTENT_TYPE ?? 'application/json';
const body = Buffer.from(process.env.YARDSTICK_BODY_BASE64 ?? '', 'base64');

const server = http.createServer((_request, response) => {
  response.writeHead(status, { 'content-type': contentType, 'content-length': body.length });
  response.end(body);
});
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`${JSON.stringify({ port: server.address().port })}\n`);
});
process.once('SIGTERM', () => {
  server.closeAllConnections();
  server.close(() => process.exit(0));
});
