// The live state of a contest for a page: a WebSocket to /contests/{id}/live that resumes from the
// last seq after any drop (no reload), falling back to Server-Sent Events where a proxy blocks
// WebSockets, and to polling /messages when neither gets through. Also the server clock (for the
// timer) and a ticking `now`.
import { onBeforeUnmount, ref, shallowRef } from 'vue';
import { arenaApi, liveUrl, type LiveMessage, type LiveState } from '../../api/arena';
import { nextOffset, shouldApply } from './arena';

export type Transport = 'websocket' | 'sse' | 'poll' | 'none';

export function useLive(contestId: number, options: { tickMs?: number; onMessage?: (m: LiveMessage) => void } = {}) {
  const state = shallowRef<LiveState | null>(null);
  const last = shallowRef<LiveMessage | null>(null);
  const seq = ref<number | null>(null);
  const connected = ref(false);
  const transport = ref<Transport>('none');
  /** Server clock minus browser clock, in ms. */
  const offset = ref<number | null>(null);
  /** The server's time now (ticks every `tickMs`). */
  const now = ref(Date.now());

  let socket: WebSocket | null = null;
  let events: EventSource | null = null;
  let pollTimer: ReturnType<typeof setTimeout> | null = null;
  let retryTimer: ReturnType<typeof setTimeout> | null = null;
  let failures = 0;
  let stopped = false;
  let first = true;

  const tick = setInterval(() => (now.value = Date.now() + (offset.value ?? 0)), options.tickMs ?? 250);

  function receive(message: LiveMessage): void {
    offset.value = nextOffset(offset.value, message.sent_at_ms, Date.now());
    const apply = shouldApply(seq.value, message, first);
    first = false;
    if (!apply) return;
    seq.value = message.seq;
    state.value = message.state;
    last.value = message;
    options.onMessage?.(message);
  }

  function retry(next: () => void): void {
    if (stopped) return;
    connected.value = false;
    failures += 1;
    const delay = Math.min(10_000, 500 * 2 ** Math.min(failures, 5));
    retryTimer = setTimeout(next, delay);
  }

  function openWebSocket(): void {
    if (stopped) return;
    first = true;
    let opened = false;
    const ws = new WebSocket(liveUrl(contestId, seq.value));
    socket = ws;
    ws.onopen = () => {
      opened = true;
      failures = 0;
      connected.value = true;
      transport.value = 'websocket';
    };
    ws.onmessage = (event) => receive(JSON.parse(event.data as string) as LiveMessage);
    ws.onclose = () => {
      if (socket !== ws) return;
      socket = null;
      // Never opened three times in a row: WebSockets are blocked here; try an event stream.
      if (!opened && failures >= 2) {
        failures = 0;
        openEventStream();
        return;
      }
      retry(openWebSocket);
    };
  }

  function openEventStream(): void {
    if (stopped || typeof EventSource === 'undefined') {
      poll();
      return;
    }
    first = true;
    let opened = false;
    const after = seq.value === null ? '' : `?after=${seq.value}`;
    const es = new EventSource(`/api/v1/contests/${contestId}/live${after}`);
    events = es;
    es.onopen = () => {
      opened = true;
      connected.value = true;
      transport.value = 'sse';
    };
    es.onmessage = (event) => receive(JSON.parse(event.data as string) as LiveMessage);
    es.onerror = () => {
      // EventSource reconnects by itself (sending Last-Event-ID); give up on it only if it never opened.
      if (opened) {
        connected.value = false;
        return;
      }
      es.close();
      events = null;
      poll();
    };
  }

  async function poll(): Promise<void> {
    if (stopped) return;
    transport.value = 'poll';
    try {
      const page = await arenaApi.messages(contestId, seq.value);
      connected.value = true;
      for (const message of page.items) receive(message);
      first = false;
    } catch {
      connected.value = false;
    }
    pollTimer = setTimeout(poll, 1500);
  }

  /** Reconnects now (after the host's own action, or a manual retry). */
  function reconnect(): void {
    socket?.close();
  }

  function stop(): void {
    stopped = true;
    clearInterval(tick);
    if (retryTimer) clearTimeout(retryTimer);
    if (pollTimer) clearTimeout(pollTimer);
    socket?.close();
    events?.close();
  }

  /** Applies a state the page got from an HTTP answer (the host's ack) without waiting for the push. */
  function adopt(nextSeq: number, next: LiveState): void {
    if (seq.value !== null && nextSeq <= seq.value) return;
    seq.value = nextSeq;
    state.value = next;
  }

  if (typeof WebSocket !== 'undefined') openWebSocket();
  else void poll();
  onBeforeUnmount(stop);

  return { state, last, seq, connected, transport, offset, now, reconnect, stop, adopt };
}
