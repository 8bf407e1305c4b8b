import type { paths, Problem } from '@portal/api-client';
import { problemResponse } from '@portal/api-mocks';
import { http, HttpResponse } from 'msw';
import { server } from './server';

/*
 * A test states the answers it needs, typed by the OpenAPI `paths`:
 *
 *   mockApi('get', '/api/v1/patients/{patientId}/appointments', { items: [...], nextCursor: null });
 *   mockApi('post', '/api/v1/…/cancel', problem(...));
 *   mockApi('get', '/api/v1/patients/{patientId}/results', (call) => pages[call.query.cursor ?? '']);
 *
 * and reads back what the app sent (`calls`: path parameters, query, JSON body, headers). No
 * server rules live here: paging, visibility and roles are the API's, tested against it.
 */

type Method = 'get' | 'put' | 'post' | 'delete' | 'patch';

/** The paths that have this method. */
export type PathWith<M extends Method> = {
  [P in keyof paths]: paths[P][M] extends { responses: object } ? P : never;
}[keyof paths];

type Operation<M extends Method, P extends PathWith<M>> = paths[P][M];
type Responses<M extends Method, P extends PathWith<M>> =
  Operation<M, P> extends { responses: infer R } ? R : never;
type Success<R> = R extends { 200: infer S }
  ? S
  : R extends { 201: infer S }
    ? S
    : R extends { 202: infer S }
      ? S
      : never;

/** The JSON body the operation answers when it succeeds. */
export type SuccessBody<M extends Method, P extends PathWith<M>> =
  Success<Responses<M, P>> extends { content: { 'application/json': infer B } } ? B : never;

export interface MockCall {
  /** Path parameters, e.g. { patientId }. */
  params: Record<string, string>;
  /** The query string, one value a name. */
  query: Record<string, string>;
  /** The JSON body, if any (a body of another type: its text). */
  body: unknown;
  headers: Headers;
}

/** A problem+json answer, as the API's exception filter writes it. */
export function problem(body: Problem, headers: Record<string, string> = {}): Response {
  return problemResponse(body, headers);
}

export type MockReply<M extends Method, P extends PathWith<M>> = SuccessBody<M, P> | Response;

/** What an answer says when it is given as a plain body: 200, or the status given. */
export interface MockApiOptions {
  status?: number;
  /** Answer only the first request (later ones fall through to earlier handlers). */
  once?: boolean;
}

function mswPath(path: string): string {
  return path.replace(/\{(\w+)\}/g, ':$1');
}

/** Answers `method path` with `reply` (or what `reply` returns for each call); returns the calls. */
export function mockApi<M extends Method, P extends PathWith<M>>(
  method: M,
  path: P,
  reply: MockReply<M, P> | ((call: MockCall) => MockReply<M, P> | Promise<MockReply<M, P>>),
  options: MockApiOptions = {},
): MockCall[] {
  const calls: MockCall[] = [];
  server.use(
    http[method](
      mswPath(path),
      async ({ request, params }) => {
        const text = method === 'get' ? '' : await request.text();
        const call: MockCall = {
          params: params as Record<string, string>,
          query: Object.fromEntries(new URL(request.url).searchParams),
          // JSON bodies parsed; anything else (a file's bytes) as the text it is.
          body: !text
            ? undefined
            : /json/i.test(request.headers.get('Content-Type') ?? '')
              ? (JSON.parse(text) as unknown)
              : text,
          headers: request.headers,
        };
        calls.push(call);
        const answer =
          typeof reply === 'function'
            ? await (reply as (call: MockCall) => MockReply<M, P> | Promise<MockReply<M, P>>)(call)
            : reply;
        if (answer instanceof Response) {
          // A Response's body is read once: each call gets its own copy.
          return answer.type === 'error' ? answer : answer.clone();
        }
        return HttpResponse.json(answer as object, { status: options.status ?? 200 });
      },
      { once: options.once ?? false },
    ),
  );
  return calls;
}

/** A file as the API sends it (a PDF, a calendar entry, a FHIR bundle). */
export function fileResponse(body: string, type: string, fileName: string): Response {
  return new HttpResponse(body, {
    headers: { 'Content-Type': type, 'Content-Disposition': `attachment; filename="${fileName}"` },
  });
}

/** Answers in turn, one a call; the last one again after that. */
export function inTurn<T>(...answers: [T, ...T[]]): () => T {
  let asked = 0;
  return () => answers[Math.min(asked++, answers.length - 1)] as T;
}

/** An answer that never comes, to look at a loading state. */
export function never(): Promise<never> {
  return new Promise(() => {});
}
