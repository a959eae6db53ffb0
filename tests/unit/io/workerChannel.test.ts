import { describe, expect, it } from 'vitest';
import { openWorkerChannel, type WorkerLike } from '../../../src/io/workerChannel';

class FakeWorker implements WorkerLike {
  posted: unknown[] = [];
  terminated = false;
  onmessage: ((event: MessageEvent) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  postMessage(message: unknown) {
    this.posted.push(message);
  }
  terminate() {
    this.terminated = true;
  }
  answer(data: unknown) {
    this.onmessage?.({ data } as unknown as MessageEvent);
  }
  fail(message: string) {
    let prevented = false;
    this.onerror?.({ message, preventDefault: () => (prevented = true) } as unknown as ErrorEvent);
    return prevented;
  }
}

function setup(createWorker: (() => WorkerLike) | null) {
  const replies: string[] = [];
  const inThreadSent: string[] = [];
  const fallbacks: string[] = [];
  const sent: string[] = [];
  const channel = openWorkerChannel<string, string>({
    createWorker,
    inThread: (receive) => ({
      send: (request) => {
        inThreadSent.push(request);
        receive(`page:${request}`);
      },
      close: () => undefined,
    }),
    receive: (reply) => replies.push(reply),
    replay: () => sent,
    onFallback: (reason) => fallbacks.push(reason),
  });
  const send = (request: string) => {
    sent.push(request);
    channel.send(request);
  };
  return { channel, send, replies, inThreadSent, fallbacks };
}

describe('openWorkerChannel', () => {
  it('sends to the worker and hands its replies on', () => {
    const worker = new FakeWorker();
    const { send, replies, inThreadSent, fallbacks } = setup(() => worker);
    send('a');
    worker.answer('worker:a');
    expect(worker.posted).toEqual(['a']);
    expect(replies).toEqual(['worker:a']);
    expect(inThreadSent).toEqual([]);
    expect(fallbacks).toEqual([]);
  });

  it('runs in the page, replaying what was asked, when the worker fails to load', () => {
    const worker = new FakeWorker();
    const { send, replies, inThreadSent, fallbacks } = setup(() => worker);
    send('a');
    send('b');
    expect(worker.fail('script blocked')).toBe(true);
    expect(worker.terminated).toBe(true);
    expect(inThreadSent).toEqual(['a', 'b']);
    expect(replies).toEqual(['page:a', 'page:b']);
    expect(fallbacks).toEqual(['script blocked']);
    send('c');
    expect(replies).toEqual(['page:a', 'page:b', 'page:c']);
  });

  it('does not hide an error of a worker that already answered', () => {
    const worker = new FakeWorker();
    const { send, inThreadSent } = setup(() => worker);
    send('a');
    worker.answer('worker:a');
    expect(worker.fail('bug in the handler')).toBe(false);
    expect(worker.terminated).toBe(false);
    expect(inThreadSent).toEqual([]);
  });

  it('runs in the page without a worker, and when starting one throws', () => {
    const none = setup(null);
    none.send('a');
    expect(none.replies).toEqual(['page:a']);
    expect(none.fallbacks).toHaveLength(1);
    const throwing = setup(() => {
      throw new Error('no workers here');
    });
    throwing.send('b');
    expect(throwing.replies).toEqual(['page:b']);
  });
});
