import { ApiError } from '@portal/api-client';
import { registrationProblems } from '../test-fixtures';
import { needsNewTicket, stopReason, triesLeft } from './registration-errors';

describe('stopReason', () => {
  it.each(
    (
      [
        [registrationProblems.linkInvalid(), 'invalid'],
        [registrationProblems.expired(), 'expired'],
        [registrationProblems.used(), 'used'],
        [registrationProblems.revoked(), 'revoked'],
        [registrationProblems.replaced(), 'replaced'],
        [registrationProblems.locked(), 'locked'],
        [registrationProblems.accountExists(), 'accountExists'],
        [registrationProblems.ticketUsed(), 'used'],
      ] as const
    ).map(([problem, reason]) => [problem.code, problem, reason] as const),
  )('maps %s to its own page', (_code, problem, reason) => {
    expect(stopReason(new ApiError(problem))).toBe(reason);
  });

  it('goes on after problems the step itself can fix', () => {
    expect(stopReason(new ApiError(registrationProblems.wrongBirthDate(3)))).toBeUndefined();
    expect(stopReason(new ApiError(registrationProblems.emailCodeExpired()))).toBeUndefined();
    expect(stopReason(new ApiError(registrationProblems.usernameTaken()))).toBeUndefined();
    expect(stopReason(new TypeError('Failed to fetch'))).toBeUndefined();
  });

  it('treats an unknown invitation 410 as gone', () => {
    const problem = { ...registrationProblems.expired(), code: 'invitation_something_new' };
    expect(stopReason(new ApiError(problem))).toBe('gone');
  });
});

describe('needsNewTicket', () => {
  it('is true for an expired or unknown identity check', () => {
    expect(needsNewTicket(new ApiError(registrationProblems.ticketExpired()))).toBe(true);
    expect(needsNewTicket(new ApiError(registrationProblems.ticketInvalid()))).toBe(true);
    expect(needsNewTicket(new ApiError(registrationProblems.usernameTaken()))).toBe(false);
  });
});

describe('triesLeft', () => {
  it("reads the number from the API's message", () => {
    expect(triesLeft(registrationProblems.wrongBirthDate(3).detail)).toBe(3);
    expect(triesLeft(registrationProblems.wrongBirthDate(1).detail)).toBe(1);
    expect(triesLeft(registrationProblems.wrongEmailCode(0).detail)).toBeUndefined();
    expect(triesLeft(undefined)).toBeUndefined();
  });
});
