import type { JsonRequestBody, JsonResponse, paths, Problem } from '@portal/api-client';
import { http, HttpResponse, type HttpHandler } from 'msw';
import { nextId, passwordProblems, problemFactory, problems } from './factories';
import { problemResponse } from './handlers';

/**
 * Stand-ins for the patient's own registration (the invitation link) and for "who has accessed
 * my record". Codes, statuses and wording mirror apps/api (registration.errors.ts,
 * invitations.errors.ts, registration.service.ts), so the SPA is tested against what the API
 * really answers.
 */

export type RegistrationInvitation = JsonResponse<'checkRegistrationInvitation', 200>;
export type EmailCodeSent = JsonResponse<'sendRegistrationEmailCode', 202>;
export type IdentityVerified = JsonResponse<'verifyRegistrationIdentity', 200>;
export type RegistrationCompleted = JsonResponse<'completeRegistration', 201>;
export type AccessLogPage = JsonResponse<'getPatientAccessLog', 200>;
export type AccessLogEntry = AccessLogPage['items'][number];
type VerifyIdentityRequest = JsonRequestBody<'verifyRegistrationIdentity'>;
type SendEmailCodeRequest = JsonRequestBody<'sendRegistrationEmailCode'>;
type CompleteRegistrationRequest = JsonRequestBody<'completeRegistration'>;

function apiPath<P extends keyof paths>(path: P): P {
  return path;
}

export const registrationPaths = {
  invitation: apiPath('/api/v1/registration/invitation'),
  emailCode: apiPath('/api/v1/registration/email-code'),
  verifyIdentity: apiPath('/api/v1/registration/verify-identity'),
  complete: apiPath('/api/v1/registration/complete'),
  /** MSW spelling of /api/v1/patients/{patientId}/access-log. */
  accessLog: apiPath('/api/v1/patients/{patientId}/access-log').replace(
    '{patientId}',
    ':patientId',
  ),
} as const;

const ASK_CLINIC = 'Ask the clinic for a new invitation.';
const START_AGAIN = 'Open the link in your invitation email and confirm your identity again.';

/** Why an invitation link cannot be used; each is one problem the API answers with. */
export type InvitationUnusableReason =
  'invalid' | 'expired' | 'used' | 'revoked' | 'replaced' | 'locked';

export const registrationProblems = {
  linkInvalid: (): Problem =>
    problemFactory({
      status: 404,
      code: 'invitation_link_invalid',
      title: 'This invitation link is not valid',
      detail: `Check that you opened the whole link from your invitation email. If it still does not work, ${ASK_CLINIC.toLowerCase()}`,
    }),
  expired: (): Problem =>
    problemFactory({
      status: 410,
      code: 'invitation_expired',
      title: 'This invitation has expired',
      detail: ASK_CLINIC,
    }),
  used: (): Problem =>
    problemFactory({
      status: 410,
      code: 'invitation_used',
      title: 'This invitation has already been used',
      detail:
        'An account was already created with this invitation. Sign in with your username and ' +
        'password, or use “Forgot password” on the sign-in page.',
    }),
  revoked: (): Problem =>
    problemFactory({
      status: 410,
      code: 'invitation_revoked',
      title: 'This invitation was cancelled',
      detail: `The clinic cancelled this invitation. ${ASK_CLINIC}`,
    }),
  replaced: (): Problem =>
    problemFactory({
      status: 410,
      code: 'invitation_replaced',
      title: 'A newer invitation was sent',
      detail: `This link was replaced by a newer invitation. Use the link in the most recent email from the clinic, or ${ASK_CLINIC.toLowerCase()}`,
    }),
  locked: (): Problem =>
    problemFactory({
      status: 423,
      code: 'invitation_locked',
      title: 'This invitation is locked',
      detail:
        'The date of birth was entered wrongly too many times, so the invitation is locked to ' +
        'protect your record. Ask the clinic to send you the invitation again.',
    }),
  wrongBirthDate: (left: number): Problem => {
    const message = `The date of birth does not match our records. ${left === 1 ? '1 try' : `${left} tries`} left.`;
    return problemFactory({
      status: 422,
      code: 'identity_not_confirmed',
      title: 'We could not confirm your identity',
      detail: message,
      errors: [{ field: 'dateOfBirth', message }],
    });
  },
  wrongEmailCode: (left: number): Problem => {
    const message =
      left > 0
        ? `That code is not right. ${left === 1 ? '1 try' : `${left} tries`} left.`
        : 'That code is not right, and it cannot be tried again. Ask for a new code.';
    return problemFactory({
      status: 422,
      code: 'identity_not_confirmed',
      title: 'We could not confirm your identity',
      detail: message,
      errors: [{ field: 'emailCode', message }],
    });
  },
  emailCodeNotRequested: (): Problem =>
    problemFactory({
      status: 422,
      code: 'email_code_not_requested',
      title: 'No code was sent yet',
      detail: 'Ask for a code to be emailed to you first, then enter it here.',
    }),
  emailCodeExpired: (): Problem =>
    problemFactory({
      status: 410,
      code: 'email_code_expired',
      title: 'This code has expired',
      detail: 'Codes work for 10 minutes. Ask for a new code.',
    }),
  emailCodeTriesExceeded: (): Problem =>
    problemFactory({
      status: 410,
      code: 'email_code_tries_exceeded',
      title: 'Too many wrong codes',
      detail: 'This code was entered wrongly too many times. Ask for a new code.',
    }),
  emailCodeLimit: (): Problem =>
    problemFactory({
      status: 429,
      code: 'email_code_limit_reached',
      title: 'No more codes can be sent',
      detail:
        'We have sent as many codes as we can for this invitation. Confirm your identity with ' +
        'your date of birth instead, or ask the clinic to send the invitation again.',
    }),
  ticketInvalid: (): Problem =>
    problemFactory({
      status: 404,
      code: 'registration_ticket_invalid',
      title: 'Your identity check was not found',
      detail: START_AGAIN,
    }),
  ticketExpired: (): Problem =>
    problemFactory({
      status: 410,
      code: 'registration_ticket_expired',
      title: 'Your identity check has expired',
      detail: `It lasts 30 minutes. ${START_AGAIN}`,
    }),
  ticketUsed: (): Problem =>
    problemFactory({
      status: 410,
      code: 'registration_ticket_used',
      title: 'Registration is already complete',
      detail: 'Your account was already created. Sign in with your username and password.',
    }),
  usernameTaken: (): Problem => {
    const message = 'This username is already taken. Choose another one.';
    return problemFactory({
      status: 409,
      code: 'username_taken',
      title: 'This username is taken',
      detail: message,
      errors: [{ field: 'username', message }],
    });
  },
  accountExists: (): Problem =>
    problemFactory({
      status: 409,
      code: 'account_exists',
      title: 'You already have an account',
      detail:
        'A portal account already exists for you. Sign in, or use “Forgot password” on the ' +
        'sign-in page.',
    }),
  patientNotFound: (): Problem =>
    problemFactory({
      status: 404,
      code: 'not_found',
      title: 'Not found',
      detail: 'No such patient.',
    }),
};

const UNUSABLE: Record<InvitationUnusableReason, () => Problem> = {
  invalid: registrationProblems.linkInvalid,
  expired: registrationProblems.expired,
  used: registrationProblems.used,
  revoked: registrationProblems.revoked,
  replaced: registrationProblems.replaced,
  locked: registrationProblems.locked,
};

/** What GET /registration/invitation answers for a usable link. */
export function registrationInvitationFactory(
  overrides: Partial<RegistrationInvitation> = {},
): RegistrationInvitation {
  return {
    status: 'valid',
    clinicName: 'Riverside Family Clinic',
    expiresAt: new Date(Date.now() + 6 * 24 * 60 * 60_000).toISOString(),
    identityMethods: ['date-of-birth', 'email-code'],
    maskedEmail: 'an***@example.com',
    ...overrides,
  };
}

/** The API's username rules (DTO validation), with its wording. */
function usernameProblems(username: string): { field: string; message: string }[] {
  const field = 'username';
  const length = [...username].length;
  if (length === 0) return [{ field, message: 'Choose a username.' }];
  if (length < 3) return [{ field, message: 'Use at least 3 characters for the username.' }];
  if (length > 64) return [{ field, message: 'Use at most 64 characters.' }];
  if (!/^[A-Za-z0-9._-]+$/.test(username)) {
    return [
      {
        field,
        message:
          'Use only letters, digits, dots (.), underscores (_) and dashes (-) in the username.',
      },
    ];
  }
  return [];
}

export interface RegistrationBackendOptions {
  /** The token the emailed link carries. Other tokens answer 404. */
  token?: string;
  /** The patient's date of birth, YYYY-MM-DD. */
  dateOfBirth?: string;
  /** The code the next "email" holds. */
  emailCode?: string;
  /** Make the link unusable from the start. */
  unusable?: InvitationUnusableReason;
  invitation?: Partial<RegistrationInvitation>;
  /** Usernames that already exist (compared without case, as the API does). */
  takenUsernames?: string[];
  /** Wrong dates of birth already counted on this invitation. */
  wrongBirthDates?: number;
  /** Codes already sent for this link (the API sends at most 5). */
  codesSent?: number;
}

export interface RegistrationBackendState {
  /** Tokens that GET /registration/invitation was asked about (its header), in order. */
  checks: string[];
  codeRequests: SendEmailCodeRequest[];
  verifications: VerifyIdentityRequest[];
  completions: CompleteRegistrationRequest[];
  wrongBirthDates: number;
  wrongCodes: number;
  codesSent: number;
  /** The ticket handed out by the last successful identity check. */
  ticket: string | null;
  unusable: InvitationUnusableReason | null;
  /** The account once registration is complete. */
  account: { username: string; password: string } | null;
}

export interface RegistrationBackend {
  handlers: HttpHandler[];
  state: RegistrationBackendState;
}

const MAX_BIRTH_DATE_TRIES = 5;
const MAX_CODE_TRIES = 5;
const MAX_CODES = 5;

function csrfRefusal(request: Request): HttpResponse<Problem> | undefined {
  return request.headers.get('X-CSRF-Token') ? undefined : problemResponse(problems.csrf());
}

/**
 * The four registration endpoints for one invitation link, with the API's rules: the fifth
 * wrong date of birth locks the link; an emailed code works once, with 5 tries, and at most 5
 * codes are sent; the ticket from the identity check works once; usernames are unique and the
 * password rules apply. Fresh state per call.
 */
export function createRegistrationBackend(
  options: RegistrationBackendOptions = {},
): RegistrationBackend {
  const token = options.token ?? 'invite-token-123';
  const dateOfBirth = options.dateOfBirth ?? '1968-04-12';
  const code = options.emailCode ?? '042519';
  const invitation = registrationInvitationFactory(options.invitation);
  const taken = new Set((options.takenUsernames ?? []).map((name) => name.toLowerCase()));
  const state: RegistrationBackendState = {
    checks: [],
    codeRequests: [],
    verifications: [],
    completions: [],
    wrongBirthDates: options.wrongBirthDates ?? 0,
    wrongCodes: 0,
    codesSent: options.codesSent ?? 0,
    ticket: null,
    unusable: options.unusable ?? null,
    account: null,
  };
  let codeLive = false;

  /** The problem for a token that cannot be used now, if any. */
  const refuseLink = (candidate: string): Problem | undefined => {
    if (candidate !== token) return registrationProblems.linkInvalid();
    return state.unusable ? UNUSABLE[state.unusable]() : undefined;
  };

  const handlers: HttpHandler[] = [
    http.get<never, never, RegistrationInvitation | Problem>(
      registrationPaths.invitation,
      ({ request }) => {
        const candidate = request.headers.get('x-invitation-token') ?? '';
        state.checks.push(candidate);
        const refused = refuseLink(candidate);
        return refused ? problemResponse(refused) : HttpResponse.json(invitation);
      },
    ),
    http.post<never, SendEmailCodeRequest, EmailCodeSent | Problem>(
      registrationPaths.emailCode,
      async ({ request }) => {
        const csrf = csrfRefusal(request);
        if (csrf) return csrf;
        const body = await request.json();
        state.codeRequests.push(body);
        const refused = refuseLink(body.token);
        if (refused) return problemResponse(refused);
        if (state.codesSent >= MAX_CODES) {
          return problemResponse(registrationProblems.emailCodeLimit());
        }
        state.codesSent += 1;
        state.wrongCodes = 0;
        codeLive = true;
        return HttpResponse.json(
          {
            sentTo: invitation.maskedEmail,
            expiresAt: new Date(Date.now() + 10 * 60_000).toISOString(),
          },
          { status: 202 },
        );
      },
    ),
    http.post<never, VerifyIdentityRequest, IdentityVerified | Problem>(
      registrationPaths.verifyIdentity,
      async ({ request }) => {
        const csrf = csrfRefusal(request);
        if (csrf) return csrf;
        const body = await request.json();
        state.verifications.push(body);
        const hasDate = typeof body.dateOfBirth === 'string';
        const hasCode = typeof body.emailCode === 'string';
        if (hasDate === hasCode) {
          const message = 'Enter either your date of birth or the code we emailed you.';
          return problemResponse(
            problems.validation([
              { field: 'dateOfBirth', message },
              { field: 'emailCode', message },
            ]),
          );
        }
        if (hasDate && !/^\d{4}-\d{2}-\d{2}$/.test(body.dateOfBirth ?? '')) {
          return problemResponse(
            problems.validation([
              {
                field: 'dateOfBirth',
                message: 'Enter your date of birth as YYYY-MM-DD, for example 1968-04-12.',
              },
            ]),
          );
        }
        if (hasCode && !/^\d{6}$/.test(body.emailCode ?? '')) {
          return problemResponse(
            problems.validation([
              { field: 'emailCode', message: 'Enter the 6-digit code from the email.' },
            ]),
          );
        }
        const refused = refuseLink(body.token);
        if (refused) return problemResponse(refused);
        if (hasDate && body.dateOfBirth !== dateOfBirth) {
          state.wrongBirthDates += 1;
          const left = MAX_BIRTH_DATE_TRIES - state.wrongBirthDates;
          if (left <= 0) {
            state.unusable = 'locked';
            return problemResponse(registrationProblems.locked());
          }
          return problemResponse(registrationProblems.wrongBirthDate(left));
        }
        if (hasCode) {
          if (state.codesSent === 0) {
            return problemResponse(registrationProblems.emailCodeNotRequested());
          }
          if (!codeLive) {
            return problemResponse(
              state.wrongCodes >= MAX_CODE_TRIES
                ? registrationProblems.emailCodeTriesExceeded()
                : registrationProblems.emailCodeExpired(),
            );
          }
          if (body.emailCode !== code) {
            state.wrongCodes += 1;
            const left = MAX_CODE_TRIES - state.wrongCodes;
            if (left <= 0) codeLive = false;
            return problemResponse(registrationProblems.wrongEmailCode(left));
          }
          codeLive = false;
        }
        state.ticket = `ticket-${nextId()}`;
        return HttpResponse.json({
          ticket: state.ticket,
          expiresAt: new Date(Date.now() + 30 * 60_000).toISOString(),
        });
      },
    ),
    http.post<never, CompleteRegistrationRequest, RegistrationCompleted | Problem>(
      registrationPaths.complete,
      async ({ request }) => {
        const csrf = csrfRefusal(request);
        if (csrf) return csrf;
        const body = await request.json();
        state.completions.push(body);
        const username = typeof body.username === 'string' ? body.username.trim() : '';
        const wrongUsername = usernameProblems(username);
        if (wrongUsername.length > 0) {
          return problemResponse(problems.validation(wrongUsername));
        }
        if (!body.ticket || body.ticket !== state.ticket) {
          return problemResponse(registrationProblems.ticketInvalid());
        }
        if (state.unusable) return problemResponse(UNUSABLE[state.unusable]());
        const wrongPassword = passwordProblems(body.password, username, 'password');
        if (wrongPassword.length > 0) {
          return problemResponse(problems.validation(wrongPassword));
        }
        if (taken.has(username.toLowerCase())) {
          return problemResponse(registrationProblems.usernameTaken());
        }
        state.account = { username, password: body.password };
        state.unusable = 'used';
        taken.add(username.toLowerCase());
        return HttpResponse.json({ username }, { status: 201 });
      },
    ),
  ];

  return { handlers, state };
}

/** Every registration endpoint answers with this problem (link dead, locked, outage). */
export function mockRegistrationProblem(problem: Problem): HttpHandler[] {
  const answer = () => problemResponse(problem);
  return [
    http.get(registrationPaths.invitation, answer),
    http.post(registrationPaths.emailCode, answer),
    http.post(registrationPaths.verifyIdentity, answer),
    http.post(registrationPaths.complete, answer),
  ];
}

let accessSequence = 0;

/** One line of the access log; each call is a minute older than the one before. */
export function accessLogEntryFactory(overrides: Partial<AccessLogEntry> = {}): AccessLogEntry {
  accessSequence += 1;
  return {
    occurredAt: new Date(Date.UTC(2026, 2, 2, 15, 0) - accessSequence * 60_000).toISOString(),
    staffName: 'Nico Navarro, RN',
    staffRoles: ['nurse'],
    action: 'patient.read',
    description: 'Viewed your demographics',
    ...overrides,
  };
}

export interface AccessLogBackendOptions {
  /** Whose log this is; any other patient id answers 404, as the API does. */
  patientId: string;
  /** Newest first, as the API returns them. */
  entries?: AccessLogEntry[];
}

export interface AccessLogBackendState {
  /** The query of every request, in order. */
  requests: { limit: string | null; cursor: string | null }[];
}

/** GET /patients/{patientId}/access-log with cursor pages over `entries`. */
export function createAccessLogBackend(options: AccessLogBackendOptions): {
  handlers: HttpHandler[];
  state: AccessLogBackendState;
} {
  const entries = options.entries ?? [];
  const state: AccessLogBackendState = { requests: [] };
  const handlers: HttpHandler[] = [
    http.get<{ patientId: string }, never, AccessLogPage | Problem>(
      registrationPaths.accessLog,
      ({ request, params }) => {
        const url = new URL(request.url);
        const limitParam = url.searchParams.get('limit');
        const cursor = url.searchParams.get('cursor');
        state.requests.push({ limit: limitParam, cursor });
        if (params.patientId !== options.patientId) {
          return problemResponse(registrationProblems.patientNotFound());
        }
        const limit = limitParam === null ? 50 : Number(limitParam);
        if (!Number.isInteger(limit) || limit < 1 || limit > 100) {
          return problemResponse(
            problems.validation([
              { field: 'limit', message: 'The limit must be a whole number from 1 to 100.' },
            ]),
          );
        }
        const start = cursor === null ? 0 : Number(cursor.replace(/^c/, ''));
        if (!Number.isInteger(start) || start < 0) {
          return problemResponse(
            problems.validation([{ field: 'cursor', message: 'The cursor is not valid.' }]),
          );
        }
        const items = entries.slice(start, start + limit);
        const next = start + limit;
        return HttpResponse.json({
          items,
          nextCursor: next < entries.length ? `c${next}` : null,
        });
      },
    ),
  ];
  return { handlers, state };
}
