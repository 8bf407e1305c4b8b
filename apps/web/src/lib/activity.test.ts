import {
  clearActivity,
  clockOffset,
  lastActivity,
  recordActivity,
  sessionTiming,
  updateClockOffset,
} from '@portal/auth-ui';

const MINUTE = 60_000;
const T0 = Date.parse('2026-03-02T15:00:00.000Z');

function session(idleMinutes: number, absoluteMinutes: number) {
  return {
    idleExpiresAt: new Date(T0 + idleMinutes * MINUTE).toISOString(),
    absoluteExpiresAt: new Date(T0 + absoluteMinutes * MINUTE).toISOString(),
  };
}

describe('sessionTiming', () => {
  it('ends at idleExpiresAt when nothing happened since', () => {
    expect(sessionTiming(session(15, 720), T0, 0, 0)).toEqual({
      idleWindowMs: 15 * MINUTE,
      endsAt: T0 + 15 * MINUTE,
      reason: 'idle',
    });
  });

  it('moves the end on by the idle window after later activity', () => {
    const timing = sessionTiming(session(15, 720), T0, T0 + 4 * MINUTE, 0);
    // Less 30 s: the server writes activity down at most every 30 s.
    expect(timing.endsAt).toBe(T0 + 19 * MINUTE - 30_000);
  });

  it('never goes past the absolute limit', () => {
    const timing = sessionTiming(session(15, 10), T0, T0 + 4 * MINUTE, 0);
    expect(timing).toMatchObject({ endsAt: T0 + 10 * MINUTE, reason: 'expired' });
  });

  it("reads the session's times on the server's clock", () => {
    // The server is 5 minutes ahead of this device.
    const timing = sessionTiming(session(15, 720), T0 - 5 * MINUTE, 0, 5 * MINUTE);
    expect(timing.endsAt).toBe(T0 + 10 * MINUTE);
    expect(timing.idleWindowMs).toBe(15 * MINUTE);
  });
});

describe('clock offset', () => {
  afterEach(() => updateClockOffset(null));

  it('ignores small differences and missing headers', () => {
    updateClockOffset(new Date(Date.now() + 2_000).toUTCString());
    expect(clockOffset()).toBe(0);
    updateClockOffset('not a date');
    expect(clockOffset()).toBe(0);
  });

  it('learns a wrong device clock from the Date header', () => {
    updateClockOffset(new Date(Date.now() + 10 * MINUTE).toUTCString());
    expect(Math.round(clockOffset() / MINUTE)).toBe(10);
  });
});

describe('activity', () => {
  it('is shared with other tabs through storage', () => {
    recordActivity(T0);
    expect(localStorage.getItem('portal.lastActivity')).toBe(String(T0));
    localStorage.setItem('portal.lastActivity', String(T0 + MINUTE));
    expect(lastActivity()).toBe(T0 + MINUTE);
    clearActivity();
    expect(lastActivity()).toBe(0);
  });
});
