import type { Problem } from '@portal/api-client';
import { problems } from '@portal/api-mocks';
import { screen, waitFor, within } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';
import { HttpResponse } from 'msw';
import { registrationInvitationFactory } from '../../../testing/factories';
import { mockApi, problem } from '../../../testing/mock-api';
import { renderApp } from '../../../testing/render-app';
import { server } from '../../../testing/server';
import { registrationProblems, UNUSABLE, type InvitationUnusableReason } from '../test-fixtures';

const TOKEN = 'invite-token-123';
const PASSWORD = 'four calm words for me';
const TICKET = 'ticket-for-step-2';

const INVITATION = '/api/v1/registration/invitation';
const EMAIL_CODE = '/api/v1/registration/email-code';
const VERIFY = '/api/v1/registration/verify-identity';
const COMPLETE = '/api/v1/registration/complete';

function minutesFromNow(minutes: number): string {
  return new Date(Date.now() + minutes * 60_000).toISOString();
}

/**
 * A usable invitation (or one that cannot be used, and why), an emailed code, identity
 * confirmed and the account made: each answer as the API gives it. Returns what was sent.
 */
function useRegistration({ unusable }: { unusable?: InvitationUnusableReason } = {}) {
  const checks = mockApi(
    'get',
    INVITATION,
    unusable ? problem(UNUSABLE[unusable]()) : registrationInvitationFactory(),
  );
  const codeRequests = mockApi(
    'post',
    EMAIL_CODE,
    () => ({ sentTo: 'an***@example.com', expiresAt: minutesFromNow(10) }),
    { status: 202 },
  );
  const verifications = mockApi('post', VERIFY, () => ({
    ticket: TICKET,
    expiresAt: minutesFromNow(30),
  }));
  const completions = mockApi(
    'post',
    COMPLETE,
    ({ body }) => ({ username: (body as { username: string }).username }),
    { status: 201 },
  );
  return {
    checks: () => checks.map((call) => call.headers.get('X-Invitation-Token')),
    codeRequests: () => codeRequests.map((call) => call.body),
    verifications: () => verifications.map((call) => call.body),
    completions: () => completions.map((call) => call.body),
    verificationHeaders: () => verifications.map((call) => call.headers),
  };
}

/** The date-of-birth check: the right date confirms, any other answers `wrong` in turn. */
function answerBirthDates(...wrong: Problem[]) {
  let refused = 0;
  return mockApi('post', VERIFY, ({ body }) =>
    (body as { dateOfBirth?: string }).dateOfBirth === '1968-04-12'
      ? { ticket: TICKET, expiresAt: minutesFromNow(30) }
      : problem(wrong[Math.min(refused++, wrong.length - 1)]!),
  );
}

/** The invitation email's link: the token rides in the fragment, never sent to the server. */
function openLink(token = TOKEN) {
  return renderApp({ path: `/register#token=${encodeURIComponent(token)}` });
}

async function typeBirthDate(user: UserEvent, date: { day: string; month: string; year: string }) {
  await user.type(await screen.findByLabelText('Day'), date.day);
  await user.type(screen.getByLabelText('Month'), date.month);
  await user.type(screen.getByLabelText('Year'), date.year);
}

/** Steps 1 and 2 of the happy path, up to the username and password form. */
async function proveIdentity(user: UserEvent) {
  await typeBirthDate(user, { day: '12', month: '4', year: '1968' });
  await user.click(screen.getByRole('button', { name: 'Continue' }));
  return screen.findByRole('heading', { level: 1, name: /Choose a username and password/ });
}

async function fillAccount(user: UserEvent, username: string, password = PASSWORD) {
  await user.type(screen.getByLabelText('Username'), username);
  await user.type(screen.getByLabelText('New password'), password);
  await user.type(screen.getByLabelText('Type the new password again'), password);
}

describe('registration from the invitation link', () => {
  it('reads the token once and takes it out of the address bar, history and title', async () => {
    const backend = useRegistration();
    const urls: string[] = [];
    const listener = ({ request }: { request: Request }) => void urls.push(request.url);
    server.events.on('request:start', listener);
    const { router } = openLink();

    const heading = await screen.findByRole('heading', { level: 1, name: /Prove it's you/ });
    expect(heading).toHaveTextContent("Step 1 of 3: Prove it's you");
    await waitFor(() => expect(heading).toHaveFocus());
    expect(router.state.location.pathname).toBe('/register');
    expect(router.state.location.hash).toBe('');
    expect(router.state.location.search).toBe('');
    expect(router.state.historyAction).toBe('REPLACE');
    expect(JSON.stringify(router.state.location)).not.toContain(TOKEN);
    expect(document.title).toBe("Prove it's you – Patient Portal");
    // Asked about once, with the token from the link, in a header and never in a URL.
    expect(backend.checks()).toEqual([TOKEN]);
    server.events.removeListener('request:start', listener);
    expect(urls.length).toBeGreaterThan(0);
    expect(urls.filter((url) => url.includes(TOKEN))).toEqual([]);

    expect(screen.getByText(/Riverside Family Clinic invited you/)).toBeInTheDocument();
    expect(screen.getByText(/Your invitation works until \w+day, /)).toBeInTheDocument();
    expect(screen.getByRole('group', { name: 'Your date of birth' })).toBeInTheDocument();
    expect(screen.getByLabelText('Year')).toHaveAttribute('inputmode', 'numeric');
    expect(screen.getByLabelText('Year')).toHaveAttribute('autocomplete', 'bday-year');
    expect(screen.getByLabelText('Day')).toHaveAccessibleDescription(
      'Use numbers, in this order: month, day, and year. For example, 3 27 1968.',
    );
  });

  it('still reads a link mailed before the fragment (?token=) and takes it out', async () => {
    const backend = useRegistration();
    const { router } = renderApp({ path: `/register?token=${TOKEN}` });

    await screen.findByRole('heading', { level: 1, name: /Prove it's you/ });
    expect(router.state.location.search).toBe('');
    expect(backend.checks()).toEqual([TOKEN]);
  });

  it('goes to step 2 when the date of birth matches, and sends it as YYYY-MM-DD', async () => {
    const backend = useRegistration();
    const { user } = openLink();

    const heading = await proveIdentity(user);

    expect(heading).toHaveTextContent('Step 2 of 3: Choose a username and password');
    await waitFor(() => expect(heading).toHaveFocus());
    expect(backend.verifications()).toEqual([{ token: TOKEN, dateOfBirth: '1968-04-12' }]);
    // A state-changing request: it echoes the CSRF cookie.
    expect(backend.verificationHeaders()[0]?.get('X-CSRF-Token')).toBe('test-csrf-token');
    expect(screen.getByLabelText('Username')).toHaveAccessibleDescription(
      expect.stringContaining('Use 3 to 64 characters: letters, numbers, dots (.)'),
    );
    expect(document.title).not.toContain(TOKEN);
  });

  it('catches typing slips before asking the server', async () => {
    const backend = useRegistration();
    const { user } = openLink();

    await typeBirthDate(user, { day: '31', month: '2', year: '1968' });
    await user.click(screen.getByRole('button', { name: 'Continue' }));

    const summary = await screen.findByRole('alert');
    expect(summary).toHaveTextContent('This date does not exist. Check the day and the month.');
    expect(summary).toHaveFocus();
    expect(screen.getByLabelText('Day')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByLabelText('Month')).not.toHaveAttribute('aria-invalid');
    expect(backend.verifications()).toEqual([]);

    // The summary links to the field to fix.
    await user.click(within(summary).getByRole('link'));
    expect(screen.getByLabelText('Day')).toHaveFocus();
  });

  it('says how many tries are left after a wrong date, next to the field', async () => {
    useRegistration();
    const verifications = answerBirthDates(registrationProblems.wrongBirthDate(4));
    const { user } = openLink();

    await typeBirthDate(user, { day: '13', month: '4', year: '1968' });
    await user.click(screen.getByRole('button', { name: 'Continue' }));

    const message =
      'This date of birth does not match our records. Check it and try again. You have 4 tries left.';
    expect(await screen.findByRole('alert')).toHaveTextContent(message);
    for (const label of ['Day', 'Month', 'Year']) {
      expect(screen.getByLabelText(label)).toHaveAccessibleDescription(
        expect.stringContaining(message),
      );
      expect(screen.getByLabelText(label)).toHaveAttribute('aria-invalid', 'true');
    }
    expect(verifications.map((call) => call.body)).toEqual([
      { token: TOKEN, dateOfBirth: '1968-04-13' },
    ]);
    // What was typed stays, to be corrected.
    expect(screen.getByLabelText('Day')).toHaveValue('13');
  });

  it('warns before the last try, then shows the locked page after it', async () => {
    useRegistration();
    answerBirthDates(registrationProblems.wrongBirthDate(1), registrationProblems.locked());
    const { user } = openLink();

    await typeBirthDate(user, { day: '13', month: '4', year: '1968' });
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'You have 1 try left. If it is wrong again, the invitation will be locked',
    );

    await user.clear(screen.getByLabelText('Day'));
    await user.type(screen.getByLabelText('Day'), '14');
    await user.click(screen.getByRole('button', { name: 'Continue' }));

    const heading = await screen.findByRole('heading', {
      level: 1,
      name: 'This invitation is locked',
    });
    await waitFor(() => expect(heading).toHaveFocus());
    expect(screen.getByText(/entered wrong too many times/)).toBeInTheDocument();
    expect(screen.getByText(/Call the clinic and ask for a new invitation/)).toBeInTheDocument();
    expect(screen.queryByLabelText('Day')).not.toBeInTheDocument();
    expect(screen.queryByText(/423|invitation_locked/)).not.toBeInTheDocument();
  });

  it.each([
    ['expired', 'This invitation has expired', 'Call the clinic and ask for a new invitation.'],
    ['locked', 'This invitation is locked', 'Call the clinic and ask for a new invitation.'],
    ['revoked', 'This invitation was cancelled', 'Call the clinic and ask for a new invitation.'],
    ['replaced', 'A newer invitation was sent', 'Use the link in the newest email'],
    ['invalid', 'This invitation link does not work', 'Open the whole link'],
    ['used', 'You already have an account', 'Sign in with your username and password.'],
  ] as const)('explains plainly when the link is %s', async (unusable, title, next) => {
    useRegistration({ unusable });
    openLink();

    expect(await screen.findByRole('heading', { level: 1, name: title })).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 2, name: 'What to do now' })).toBeInTheDocument();
    expect(screen.getByText(new RegExp(next))).toBeInTheDocument();
    expect(screen.queryByText(/410|423|404|invitation_/)).not.toBeInTheDocument();
    expect(document.title).toBe(`${title} – Patient Portal`);
  });

  it('offers sign-in and password reset when the invitation was already used', async () => {
    useRegistration({ unusable: 'used' });
    openLink();

    await screen.findByRole('heading', { level: 1, name: 'You already have an account' });
    expect(screen.getByRole('link', { name: 'Sign in' })).toHaveAttribute('href', '/sign-in');
    expect(screen.getByRole('link', { name: 'Forgot your password?' })).toHaveAttribute(
      'href',
      '/forgot-password',
    );
  });

  it('says the link is incomplete when there is no token', async () => {
    const backend = useRegistration();
    openLink('');

    expect(
      await screen.findByRole('heading', { level: 1, name: 'This link is not complete' }),
    ).toBeInTheDocument();
    expect(backend.checks()).toEqual([]);
  });

  it('offers to try again when the invitation cannot be checked', async () => {
    const backend = useRegistration();
    mockApi('get', INVITATION, HttpResponse.error(), { once: true });
    const { user } = openLink();

    expect(await screen.findByText(/We could not reach the portal/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Try again' }));

    expect(
      await screen.findByRole('heading', { level: 1, name: /Prove it's you/ }),
    ).toBeInTheDocument();
    expect(backend.checks()).toEqual([TOKEN]);
  });

  it('keeps its step across a reload without putting the token back in the address', async () => {
    const backend = useRegistration();
    answerBirthDates();
    const first = openLink();
    await proveIdentity(first.user);
    first.unmount();

    // A reload: the address no longer holds the token, the tab still knows the step.
    const { router } = renderApp({ path: '/register' });
    expect(
      await screen.findByRole('heading', { level: 1, name: /Choose a username and password/ }),
    ).toBeInTheDocument();
    expect(router.state.location.hash).toBe('');
    expect(JSON.stringify(router.state.location)).not.toContain(TOKEN);
    expect(backend.checks()).toEqual([TOKEN, TOKEN]);
  });

  it('comes back to the emailed code after a reload, and forgets it all once done', async () => {
    const backend = useRegistration();
    mockApi('post', VERIFY, () => ({ ticket: TICKET, expiresAt: minutesFromNow(30) }));
    const first = openLink();
    await first.user.click(await screen.findByRole('button', { name: 'Email me a code instead' }));
    await screen.findByText(/We sent a 6-digit code to an\*\*\*@example.com\./);
    first.unmount();

    const second = renderApp({ path: '/register' });
    const field = await screen.findByLabelText('6-digit code from the email');
    expect(backend.codeRequests()).toHaveLength(1);
    await second.user.type(field, '042519');
    await second.user.click(screen.getByRole('button', { name: 'Continue' }));
    await screen.findByRole('heading', { level: 1, name: /Choose a username and password/ });
    await fillAccount(second.user, 'ana.silva');
    await second.user.click(screen.getByRole('button', { name: 'Create my account' }));
    await screen.findByRole('heading', { level: 1, name: /Your account is ready/ });
    second.unmount();

    renderApp({ path: '/register' });
    expect(await screen.findByRole('heading', { level: 1 })).toHaveTextContent(
      /This link is not complete/,
    );
  });

  it('proves identity with a code emailed to the address on file', async () => {
    const backend = useRegistration();
    const verifications = mockApi('post', VERIFY, ({ body }) =>
      (body as { emailCode?: string }).emailCode === '042519'
        ? { ticket: TICKET, expiresAt: minutesFromNow(30) }
        : problem(registrationProblems.wrongEmailCode(4)),
    );
    const { user } = openLink();

    expect(
      await screen.findByText(
        'We can send a 6-digit code to your email address an***@example.com.',
      ),
    ).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Email me a code instead' }));

    const sent = await screen.findByText(/We sent a 6-digit code to an\*\*\*@example.com\./);
    expect(sent).toHaveTextContent(/It works for 10 minutes, until \d{1,2}:\d{2}/);
    await waitFor(() => expect(sent.closest('.confirmation')).toHaveFocus());
    expect(backend.codeRequests()).toEqual([{ token: TOKEN }]);

    const field = screen.getByLabelText('6-digit code from the email');
    expect(field).toHaveAttribute('inputmode', 'numeric');
    expect(field).toHaveAttribute('autocomplete', 'one-time-code');

    // A wrong code says how many tries are left, by the field.
    await user.type(field, '111111');
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'That code is not right. Check it and try again. You have 4 tries left with this code.',
    );
    expect(screen.getByLabelText('6-digit code from the email')).toHaveAccessibleDescription(
      expect.stringContaining('You have 4 tries left with this code.'),
    );

    // A new code replaces the old one and starts the form afresh.
    await user.click(screen.getByRole('button', { name: 'Send a new code' }));
    const resent = await screen.findByText(/We sent a new code to an\*\*\*@example.com\./);
    await waitFor(() => expect(resent.closest('.confirmation')).toHaveFocus());
    expect(screen.getByLabelText('6-digit code from the email')).toHaveValue('');
    expect(backend.codeRequests()).toHaveLength(2);

    await user.type(screen.getByLabelText('6-digit code from the email'), '042 519');
    await user.click(screen.getByRole('button', { name: 'Continue' }));

    expect(
      await screen.findByRole('heading', { level: 1, name: /Choose a username and password/ }),
    ).toBeInTheDocument();
    expect(verifications.map((call) => call.body)).toEqual([
      { token: TOKEN, emailCode: '111111' },
      { token: TOKEN, emailCode: '042519' },
    ]);
  });

  it('tells the patient to send a new code when the code has run out', async () => {
    useRegistration();
    mockApi('post', VERIFY, problem(registrationProblems.emailCodeExpired()));
    const { user } = openLink();

    await user.click(await screen.findByRole('button', { name: 'Email me a code instead' }));
    await user.type(await screen.findByLabelText('6-digit code from the email'), '042519');
    await user.click(screen.getByRole('button', { name: 'Continue' }));

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'This code has run out. Codes work for 10 minutes. Press “Send a new code”.',
    );
  });

  it('says when no more codes can be sent, and lets the patient go back to the date', async () => {
    useRegistration();
    mockApi('post', EMAIL_CODE, problem(registrationProblems.emailCodeLimit()));
    const { user } = openLink();

    await user.click(await screen.findByRole('button', { name: 'Email me a code instead' }));

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'We cannot send any more codes for this invitation. Use your date of birth instead',
    );
    // Still on the date of birth form.
    expect(screen.getByLabelText('Day')).toBeInTheDocument();
  });

  it('switches back from the code to the date of birth, moving focus to the first box', async () => {
    useRegistration();
    const { user } = openLink();

    await user.click(await screen.findByRole('button', { name: 'Email me a code instead' }));
    await user.click(await screen.findByRole('button', { name: 'Use my date of birth instead' }));

    await waitFor(() => expect(screen.getByLabelText('Month')).toHaveFocus());
  });

  it('creates the account and offers to sign in with the username filled in', async () => {
    const backend = useRegistration();
    const { user, router } = openLink();
    await proveIdentity(user);

    await fillAccount(user, 'alex.rivera');
    expect(screen.getByText(/^Strength: (good|strong)$/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Create my account' }));

    const done = await screen.findByRole('heading', { level: 1, name: /Your account is ready/ });
    expect(done).toHaveTextContent('Step 3 of 3: Your account is ready');
    await waitFor(() => expect(done).toHaveFocus());
    expect(screen.getByText('Your username is', { exact: false })).toHaveTextContent(
      'Your username is alex.rivera',
    );
    expect(screen.getByText(/add a second sign-in step in Account/)).toBeInTheDocument();
    expect(backend.completions()).toEqual([
      { ticket: TICKET, username: 'alex.rivera', password: PASSWORD },
    ]);

    await user.click(screen.getByRole('link', { name: 'Sign in' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Sign in' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/sign-in');
    expect(router.state.location.search).toBe('');
    expect(screen.getByLabelText('Username')).toHaveValue('alex.rivera');
    expect(screen.getByLabelText('Password')).toHaveValue('');
  });

  it('checks the username rules and matching passwords before asking the server', async () => {
    const backend = useRegistration();
    const { user } = openLink();
    await proveIdentity(user);

    await user.type(screen.getByLabelText('Username'), 'alex rivera');
    await user.type(screen.getByLabelText('New password'), PASSWORD);
    await user.type(screen.getByLabelText('Type the new password again'), 'something else');
    await user.click(screen.getByRole('button', { name: 'Create my account' }));

    const summary = await screen.findByRole('alert');
    expect(summary).toHaveFocus();
    expect(screen.getByLabelText('Username')).toHaveAccessibleDescription(
      expect.stringContaining('in your username. No spaces.'),
    );
    expect(screen.getByLabelText('Type the new password again')).toHaveAccessibleDescription(
      expect.stringContaining('The two passwords are not the same.'),
    );
    expect(within(summary).getAllByRole('link')).toHaveLength(2);
    expect(backend.completions()).toEqual([]);
  });

  it("shows the server's field errors next to their fields", async () => {
    useRegistration();
    const { user } = openLink();
    await proveIdentity(user);
    mockApi(
      'post',
      COMPLETE,
      problem(
        problems.validation([
          { field: 'username', message: 'Use at most 64 characters.' },
          {
            field: 'password',
            message: 'This password is too common and easy to guess. Choose another one.',
          },
        ]),
      ),
    );

    await fillAccount(user, 'alex.rivera');
    await user.click(screen.getByRole('button', { name: 'Create my account' }));

    const summary = await screen.findByRole('alert');
    expect(summary).toHaveTextContent('Use at most 64 characters.');
    expect(summary).toHaveTextContent('This password is too common');
    expect(screen.getByLabelText('Username')).toHaveAccessibleDescription(
      expect.stringContaining('Use at most 64 characters.'),
    );
    expect(screen.getByLabelText('Username')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByLabelText('New password')).toHaveAccessibleDescription(
      expect.stringContaining('This password is too common and easy to guess.'),
    );
    // Still on step 2, nothing lost but what the server refused.
    expect(screen.getByLabelText('Username')).toHaveValue('alex.rivera');
  });

  it('refuses a password with the username in it, as the API does', async () => {
    useRegistration();
    const completions = mockApi(
      'post',
      COMPLETE,
      problem(
        problems.validation([
          { field: 'password', message: 'Your password must not contain your username.' },
        ]),
      ),
    );
    const { user } = openLink();
    await proveIdentity(user);

    await fillAccount(user, 'alex.rivera', 'my name is alex.rivera ok');
    await user.click(screen.getByRole('button', { name: 'Create my account' }));

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Your password must not contain your username.',
    );
    expect(completions.map((call) => call.body)).toEqual([
      { ticket: TICKET, username: 'alex.rivera', password: 'my name is alex.rivera ok' },
    ]);
  });

  it('suggests adding a number when the username is taken', async () => {
    useRegistration();
    const completions = mockApi('post', COMPLETE, ({ body }) =>
      (body as { username: string }).username === 'alex.rivera'
        ? problem(registrationProblems.usernameTaken())
        : HttpResponse.json({ username: (body as { username: string }).username }, { status: 201 }),
    );
    const { user } = openLink();
    await proveIdentity(user);

    await fillAccount(user, 'alex.rivera');
    await user.click(screen.getByRole('button', { name: 'Create my account' }));

    expect(await screen.findByRole('alert')).toHaveTextContent(
      /Someone already has this username\. Try adding a number, for example alex\.rivera\d{2}\./,
    );
    expect(screen.getByLabelText('Username')).toHaveAccessibleDescription(
      expect.stringContaining('Someone already has this username.'),
    );

    const take = screen.getByRole('button', { name: /^Use alex\.rivera\d{2}$/ });
    const suggestion = (take.textContent ?? '').replace('Use ', '');
    await user.click(take);
    expect(screen.getByLabelText('Username')).toHaveValue(suggestion);
    expect(screen.getByLabelText('Username')).toHaveFocus();

    await user.click(screen.getByRole('button', { name: 'Create my account' }));
    expect(
      await screen.findByRole('heading', { level: 1, name: /Your account is ready/ }),
    ).toBeInTheDocument();
    expect(completions.map((call) => (call.body as { username: string }).username)).toEqual([
      'alex.rivera',
      suggestion,
    ]);
  });

  it('goes back to step 1 when the identity check has run out, keeping the username', async () => {
    useRegistration();
    const { user } = openLink();
    await proveIdentity(user);
    mockApi('post', COMPLETE, problem(registrationProblems.ticketExpired()), { once: true });

    await fillAccount(user, 'alex.rivera');
    await user.click(screen.getByRole('button', { name: 'Create my account' }));

    const heading = await screen.findByRole('heading', { level: 1, name: /Prove it's you/ });
    await waitFor(() => expect(heading).toHaveFocus());
    expect(screen.getByText(/It took more than 30 minutes/)).toBeInTheDocument();

    await proveIdentity(user);
    expect(screen.getByLabelText('Username')).toHaveValue('alex.rivera');
  });

  it('stops with a plain page when the patient already has an account', async () => {
    useRegistration();
    const { user } = openLink();
    await proveIdentity(user);
    mockApi('post', COMPLETE, problem(registrationProblems.accountExists()));

    await fillAccount(user, 'alex.rivera');
    await user.click(screen.getByRole('button', { name: 'Create my account' }));

    expect(
      await screen.findByRole('heading', { level: 1, name: 'You already have an account' }),
    ).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Sign in' })).toBeInTheDocument();
  });
});
