import {
  carePoolFactory,
  inboxCountsFactory,
  type MockCarePool,
  type MockInboxCounts,
} from '@portal/api-mocks';
import { answer, signInStaff } from '../../../testing/api';

/**
 * A nurse signed in to an inbox with two pools; counts and pools answered, the lists left to
 * each test.
 */
export function serveInbox(
  options: { roles?: string[]; counts?: MockInboxCounts; pools?: MockCarePool[] } = {},
) {
  const me = signInStaff(options.roles ?? ['nurse'], { displayName: 'Nico Navarro, RN' });
  const nurses = carePoolFactory({ name: 'Nurse line' });
  const refills = carePoolFactory({ name: 'Refill desk' });
  const pools = options.pools ?? [nurses, refills];
  const counts = answer('getInboxCounts', options.counts ?? inboxCountsFactory());
  answer('listCarePools', { items: pools });
  return { me, nurses, refills, pools, counts };
}

type Listener = (event: MessageEvent<string>) => void;

/** EventSource as the page opens it, with a way for the test to send the server's events. */
export class FakeEventSource {
  static last: FakeEventSource | undefined;
  readonly url: string;
  closed = false;
  private readonly listeners = new Map<string, Listener[]>();

  constructor(url: string) {
    this.url = url;
    FakeEventSource.last = this;
  }

  addEventListener(type: string, listener: Listener) {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }

  close() {
    this.closed = true;
  }

  /** The server sends one event with this JSON data. */
  emit(type: string, data: object) {
    const event = new MessageEvent(type, { data: JSON.stringify(data) });
    for (const listener of this.listeners.get(type) ?? []) listener(event);
  }
}
