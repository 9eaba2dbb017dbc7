// The collection once the server is idle after a load: after the last request, once; never while
// a request is in flight; not again until requests were served since.
import { EventEmitter } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { collectWhenIdle, ROUNDS } from '../src/http/idle-collect.js';

const IDLE = 1_000;

describe('collectWhenIdle (requests as events, time faked)', () => {
  let server: EventEmitter;
  let collections = 0;
  let stop: () => void;
  /** A request comes in; the function ends its response. */
  const request = () => {
    const res = new EventEmitter();
    server.emit('request', {}, res);
    return () => res.emit('close');
  };

  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    server = new EventEmitter();
    collections = 0;
    stop = collectWhenIdle(server, () => collections++, IDLE, 1);
  });
  afterEach(() => {
    stop();
    vi.useRealTimers();
  });

  it('collects once, the idle time after the last request, and not again while nothing is served', () => {
    [request(), request(), request()].forEach((end) => end());
    vi.advanceTimersByTime(IDLE - 1);
    expect(collections).toBe(0);
    vi.advanceTimersByTime(1);
    expect(collections).toBe(1);
    vi.advanceTimersByTime(IDLE * 10);
    expect(collections).toBe(1);
    request()();
    vi.advanceTimersByTime(IDLE);
    expect(collections).toBe(2);
  });

  it('waits while a request is in flight, however long it takes', () => {
    const slow = request();
    request()();
    vi.advanceTimersByTime(IDLE * 10);
    expect(collections).toBe(0);
    slow();
    vi.advanceTimersByTime(IDLE);
    expect(collections).toBe(1);
  });

  it('starts the idle time over when a request comes in', () => {
    for (let i = 0; i < 5; i++) {
      request()();
      vi.advanceTimersByTime(IDLE / 2);
    }
    expect(collections).toBe(0);
    vi.advanceTimersByTime(IDLE / 2);
    expect(collections).toBe(1);
  });

  it('never collects once stopped, even for a request that ends afterwards', () => {
    const end = request();
    stop();
    end();
    vi.advanceTimersByTime(IDLE * 10);
    expect(collections).toBe(0);
  });
});

describe('collectWhenIdle on an http.Server', () => {
  it('collects after the requests it served', async () => {
    const server = createServer((_req, res) => res.end('ok'));
    let collected = 0;
    const stop = collectWhenIdle(server, () => collected++, 50); // ROUNDS collections each time
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      await Promise.all([1, 2, 3].map(() => fetch(url).then((r) => r.text())));
      await vi.waitFor(() => expect(collected).toBe(ROUNDS), { timeout: 5_000 });
    } finally {
      stop();
      await new Promise((r) => server.close(r));
    }
  });
});
