import { describe, expect, it } from '@jest/globals';
import { HandlesJob } from './job-handler.js';
import { collectHandlers } from './worker-host.js';

@HandlesJob('mail.send')
class MailHandler {
  async handle() {}
}

@HandlesJob('mail.send')
class SecondMailHandler {
  async handle() {}
}

describe('collectHandlers', () => {
  it('maps each registered job to its one handler', () => {
    const handler = new MailHandler();
    const handlers = collectHandlers([{ instance: handler }, { instance: { unrelated: true } }]);
    expect(handlers.get('mail.send')).toBe(handler);
  });

  it('refuses to boot when a job has no handler', () => {
    expect(() => collectHandlers([])).toThrow('job "mail.send" has 0 handlers');
  });

  it('refuses to boot when a job has two handlers', () => {
    expect(() =>
      collectHandlers([{ instance: new MailHandler() }, { instance: new SecondMailHandler() }]),
    ).toThrow('job "mail.send" has 2 handlers');
  });
});
