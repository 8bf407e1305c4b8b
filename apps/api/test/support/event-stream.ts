import type { BrowserClient } from './browser-client.js';

export interface StreamEvent {
  event: string;
  data: Record<string, unknown>;
}

/**
 * A server-sent event stream read as a browser's EventSource would: frames split on blank
 * lines. next() waits for the next event that matches (reading, never sleeping).
 */
export async function openEventStream(client: BrowserClient, path: string) {
  const abort = new AbortController();
  const response = await fetch(`${client.baseUrl}${path}`, {
    headers: {
      cookie: [...client.cookies].map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('; '),
      accept: 'text/event-stream',
    },
    signal: abort.signal,
  });
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  const seen: StreamEvent[] = [];
  let buffer = '';
  let ended = false;

  const readFrames = async (): Promise<void> => {
    const { value, done } = await reader.read();
    if (done) {
      ended = true;
      return;
    }
    buffer += decoder.decode(value, { stream: true });
    let end: number;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const frame = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const lines = frame.split('\n');
      const event = lines.find((line) => line.startsWith('event: '))?.slice(7);
      const data = lines.find((line) => line.startsWith('data: '))?.slice(6);
      if (event)
        seen.push({ event, data: data ? (JSON.parse(data) as Record<string, unknown>) : {} });
    }
  };

  return {
    response,
    /** Every event read so far. */
    seen,
    /** The first event not yet taken that matches, as soon as it arrives (15 s at most). */
    async next(match: (event: StreamEvent) => boolean, timeoutMs = 15_000): Promise<StreamEvent> {
      const timer = setTimeout(() => abort.abort(), timeoutMs);
      try {
        for (;;) {
          const index = seen.findIndex(match);
          if (index >= 0) return seen.splice(index, 1)[0]!;
          if (ended)
            throw new Error(`the stream ended without the event (saw ${JSON.stringify(seen)})`);
          await readFrames();
        }
      } catch (error) {
        if (abort.signal.aborted) {
          throw new Error(`no matching event within ${timeoutMs} ms`, { cause: error });
        }
        throw error;
      } finally {
        clearTimeout(timer);
      }
    },
    /** Resolves once the server has ended the stream. */
    async ended(): Promise<void> {
      while (!ended) await readFrames();
    },
    close: () => abort.abort(),
  };
}
