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

@HandlesJob('appointment.remind')
class ReminderHandler {
  async handle() {}
}

@HandlesJob('message.notify-unread')
class UnreadMessageHandler {
  async handle() {}
}

@HandlesJob('message.sweep-upload')
class SweepUploadHandler {
  async handle() {}
}

@HandlesJob('refill.send-prescription')
class SendPrescriptionHandler {
  async handle() {}
}

@HandlesJob('billing.issue-statements')
class IssueStatementsHandler {
  async handle() {}
}

@HandlesJob('billing.monthly-statements')
class MonthlyStatementsHandler {
  async handle() {}
}

describe('collectHandlers', () => {
  it('maps each registered job to its one handler', () => {
    const handler = new MailHandler();
    const reminders = new ReminderHandler();
    const handlers = collectHandlers([
      { instance: handler },
      { instance: reminders },
      { instance: new UnreadMessageHandler() },
      { instance: new SweepUploadHandler() },
      { instance: new SendPrescriptionHandler() },
      { instance: new IssueStatementsHandler() },
      { instance: new MonthlyStatementsHandler() },
      { instance: { unrelated: true } },
    ]);
    expect(handlers.get('mail.send')).toBe(handler);
    expect(handlers.get('appointment.remind')).toBe(reminders);
  });

  it('refuses to boot when a job has no handler', () => {
    expect(() => collectHandlers([])).toThrow('job "mail.send" has 0 handlers');
  });

  it('refuses to boot when a job has two handlers', () => {
    expect(() =>
      collectHandlers([
        { instance: new MailHandler() },
        { instance: new SecondMailHandler() },
        { instance: new ReminderHandler() },
        { instance: new UnreadMessageHandler() },
      ]),
    ).toThrow('job "mail.send" has 2 handlers');
  });
});
