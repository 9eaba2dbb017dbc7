// URL ingestion reaches public hosts only: every address class that leads back into the
// server's own network is refused, by literal and by name, and the decompressed size is bounded.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchPolicy, isPrivateAddress, publicOnlyLookup } from '../src/store/fetch.js';
import { FetchFailedError } from '../src/store/errors.js';

const code = async (p: Promise<unknown>) => {
  try {
    await p;
    return 'fetched';
  } catch (e) {
    return (e as FetchFailedError).code ?? (e as Error).message;
  }
};

describe('guarded fetch', () => {
  let server: Server;
  let port: number;
  beforeAll(async () => {
    const bomb = gzipSync(Buffer.alloc(50 * 1024 * 1024, 0x20));
    server = createServer((req, res) => {
      if (req.url === '/bomb') res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip' }).end(bomb);
      else if (req.url === '/slow') res.writeHead(200, { 'content-type': 'text/html' }).write('<h1>Datenschutz'); // and never ends
      else if (req.url === '/to-loopback') res.writeHead(302, { location: `http://127.0.0.1:${port}/policy` }).end();
      else res.writeHead(200, { 'content-type': 'text/html' }).end('<h1>Datenschutz</h1>');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((r) => {
    server.closeAllConnections();
    server.close(() => r());
  }));

  it('classifies every non-public address class as private', () => {
    for (const ip of ['127.0.0.1', '10.1.2.3', '172.16.0.1', '192.168.1.1', '169.254.169.254', '100.64.0.1', '0.0.0.0', '255.255.255.255', '224.0.0.1',
      '::1', '::', 'fe80::1', 'fd00::1', 'fc00::1', '::ffff:127.0.0.1', '::ffff:7f00:1', '::ffff:10.0.0.1', '64:ff9b::7f00:1', 'ff02::1', 'not an ip'])
      expect(isPrivateAddress(ip), ip).toBe(true);
    for (const ip of ['93.184.216.34', '8.8.8.8', '2606:4700:4700::1111', '::ffff:8.8.8.8']) expect(isPrivateAddress(ip), ip).toBe(false);
  });

  it('refuses loopback by every spelling, by name, and through a redirect', async () => {
    for (const host of ['127.0.0.1', '[::1]', '[::ffff:127.0.0.1]', '[::ffff:7f00:1]', '0.0.0.0', 'localhost', '127.1'])
      expect(await code(fetchPolicy(`http://${host}:${port}/policy`, { timeoutMs: 2000 })), host).toBe('BLOCKED');
    // allowed only by the operator's explicit setting; a redirect is then followed
    expect(await code(fetchPolicy(`http://localhost:${port}/to-loopback`, { allowPrivateNetwork: true }))).toBe('fetched');
  });

  it('the connector itself refuses a name that resolves to a local address (no rebinding between check and connect)', async () => {
    const err = await new Promise<Error | null>((r) => publicOnlyLookup('localhost', {}, (e) => r(e)));
    expect(err?.message).toMatch(/private or local address/);
  });

  it('bounds the decompressed body (a gzip bomb)', async () => {
    expect(await code(fetchPolicy(`http://127.0.0.1:${port}/bomb`, { allowPrivateNetwork: true, maxBytes: 1024 * 1024 }))).toBe('TOO_LARGE');
  });

  it('gives up on a server that sends its body slowly (the whole transfer is timed)', async () => {
    const t0 = Date.now();
    expect(await code(fetchPolicy(`http://127.0.0.1:${port}/slow`, { allowPrivateNetwork: true, timeoutMs: 300 }))).toBe('TIMEOUT');
    expect(Date.now() - t0).toBeLessThan(5_000);
  });
});
