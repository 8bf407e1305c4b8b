import { maxHeaderSize, STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DomainError, FieldError, Problem, PROBLEM_CONTENT_TYPE, problemType } from './problem.js';

const TITLES: Record<number, [code: string, title: string]> = {
  400: ['bad_request', 'The request is not valid'],
  401: ['unauthenticated', 'You need to sign in'],
  403: ['forbidden', 'You do not have permission to do this'],
  404: ['not_found', 'Not found'],
  405: ['method_not_allowed', 'Method not allowed'],
  408: ['request_timeout', 'The request took too long to arrive'],
  409: ['conflict', 'The request conflicts with the current state'],
  413: ['payload_too_large', 'The request body is too large'],
  414: ['uri_too_long', 'The request path is too long'],
  415: ['unsupported_media_type', 'Unsupported content type'],
  422: ['unprocessable', 'The request could not be processed'],
  429: ['too_many_requests', 'Too many requests'],
  431: ['headers_too_large', 'The request headers are too large'],
  500: ['internal_error', 'Something went wrong on our side'],
  503: ['unavailable', 'The service is temporarily unavailable'],
};

/** Fastify's own errors (body parsing, content type, size) carry a code and a statusCode. */
interface FastifyLikeError {
  code?: string;
  statusCode?: number;
  message?: string;
}

const FASTIFY_ERRORS: Record<string, [status: number, code: string, detail: string]> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: [
    415,
    'unsupported_media_type',
    'Send the request body as application/json.',
  ],
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: [400, 'bad_request', 'The Content-Length header is wrong.'],
  FST_ERR_CTP_BODY_TOO_LARGE: [413, 'payload_too_large', 'The request body is too large.'],
  FST_ERR_CTP_EMPTY_JSON_BODY: [
    400,
    'malformed_json',
    'The request says it has a JSON body, but the body is empty.',
  ],
  FST_ERR_CTP_INVALID_JSON_BODY: [400, 'malformed_json', 'The request body is not valid JSON.'],
  FST_ERR_BAD_URL: [400, 'bad_url', 'The request path is not a valid URL.'],
  FST_ERR_MAX_PARAM_LENGTH: [414, 'uri_too_long', 'A segment of the request path is too long.'],
};

/** The sizes the Problem schema documents; every problem is held to them. */
export const PROBLEM_LIMITS = { errors: 100, field: 200, message: 1000, detail: 4000 } as const;

function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/**
 * A field name can come from the caller (an unknown property) and a file import can fail on
 * every line, so the list is cut at 100 entries and each text at its documented length.
 */
function bounded(errors: FieldError[]): FieldError[] {
  return errors.slice(0, PROBLEM_LIMITS.errors).map((error) => ({
    field: clip(error.field, PROBLEM_LIMITS.field),
    message: clip(error.message, PROBLEM_LIMITS.message),
  }));
}

export function toProblem(exception: unknown): Problem {
  // Nest wraps Fastify's own 4xx errors in an HttpException; map them by their stable code.
  const cause =
    exception instanceof HttpException ? (exception.cause as FastifyLikeError) : undefined;
  if (cause?.code && FASTIFY_ERRORS[cause.code]) exception = cause;
  if (exception instanceof DomainError) {
    return {
      type: problemType(exception.code),
      title: exception.title,
      status: exception.status,
      detail: clip(exception.detail, PROBLEM_LIMITS.detail),
      code: exception.code,
      ...(exception.errors ? { errors: bounded(exception.errors) } : {}),
    };
  }
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    const [code, title] = TITLES[status] ?? TITLES[status >= 500 ? 500 : 400]!;
    const response = exception.getResponse();
    const message =
      typeof response === 'object' && response !== null && 'message' in response
        ? (response as { message: unknown }).message
        : exception.message;
    const detail = clip(
      status >= 500 ? title : typeof message === 'string' ? message : String(exception.message),
      PROBLEM_LIMITS.detail,
    );
    return { type: problemType(code), title, status, detail, code };
  }
  const fastifyError = exception as FastifyLikeError;
  const known = fastifyError?.code ? FASTIFY_ERRORS[fastifyError.code] : undefined;
  if (known) {
    const [status, code, detail] = known;
    return { type: problemType(code), title: TITLES[status]![1], status, detail, code };
  }
  if (
    typeof fastifyError?.statusCode === 'number' &&
    fastifyError.statusCode >= 400 &&
    fastifyError.statusCode < 500
  ) {
    const status = fastifyError.statusCode;
    const [code, title] = TITLES[status] ?? TITLES[400]!;
    // Fastify's 4xx messages describe the request, never internals, so they are safe to show.
    const detail = clip(fastifyError.message ?? title, PROBLEM_LIMITS.detail);
    return { type: problemType(code), title, status, detail, code };
  }
  const [code, title] = TITLES[500]!;
  return {
    type: problemType(code),
    title,
    status: 500,
    detail:
      'An unexpected error occurred. Try again later; if it keeps happening, contact the clinic.',
    code,
  };
}

export function sendProblem(reply: FastifyReply, problem: Problem, requestId?: string): void {
  void reply
    .status(problem.status)
    .header('content-type', PROBLEM_CONTENT_TYPE)
    .header('cache-control', 'no-store')
    .send({ ...problem, ...(requestId ? { requestId } : {}) });
}

/** The one place where any exception becomes an HTTP response. */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('http');

  catch(exception: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    const reply = ctx.getResponse<FastifyReply>();
    const request = ctx.getRequest<FastifyRequest>();
    const problem = toProblem(exception);
    if (problem.status >= 500) {
      // The stack goes to the log (never to the client); messages carry no request data.
      this.logger.error(
        { err: exception, reqId: request?.id },
        'unhandled error while processing request',
      );
    }
    sendProblem(reply, problem, request?.id);
  }
}

export function validationProblem(errors: FieldError[]): DomainError {
  const detail = errors.map((e) => e.message).join('; ');
  return new DomainError(400, 'validation_failed', 'Some fields are not valid', detail, errors);
}

/** A problem made here, by status, for errors of the HTTP layer itself. */
function httpProblem(status: number, detail: string): Problem {
  const [code, title] = TITLES[status]!;
  return { type: problemType(code), title, status, detail, code };
}

/**
 * Whether the request line itself (method, path, query) takes most of the header size limit:
 * then the path is what is too long (414), not the headers (431).
 */
function requestLineTooLong(packet: unknown): boolean {
  if (!Buffer.isBuffer(packet) || !/^[A-Z]+ \S/.test(packet.subarray(0, 32).toString('latin1'))) {
    return false;
  }
  const lineEnd = packet.indexOf('\r\n');
  return lineEnd === -1 || lineEnd > maxHeaderSize / 2;
}

/**
 * Node's `clientError`: a request Node refused to parse (headers over the limit, an over-long
 * request line, a malformed request, a timeout) never reaches Fastify, so its answer is
 * written here, still as problem+json, and the connection closed.
 */
export function clientErrorHandler(
  error: Error & { code?: string; rawPacket?: unknown },
  socket: Duplex,
): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  let problem: Problem;
  if (error.code === 'ERR_HTTP_REQUEST_TIMEOUT') {
    problem = httpProblem(408, 'The request did not arrive in time.');
  } else if (error.code === 'HPE_HEADER_OVERFLOW' && requestLineTooLong(error.rawPacket)) {
    problem = httpProblem(414, 'The request path is too long.');
  } else if (error.code === 'HPE_HEADER_OVERFLOW') {
    problem = httpProblem(431, 'The request headers are larger than the server accepts.');
  } else {
    problem = httpProblem(400, 'The request is not valid HTTP.');
  }
  if (!socket.writable) {
    socket.destroy();
    return;
  }
  const body = JSON.stringify(problem);
  // Closed once the answer is flushed: after a parse error nothing more on it can be read.
  socket.once('finish', () => socket.destroy());
  socket.end(
    `HTTP/1.1 ${problem.status} ${STATUS_CODES[problem.status]}\r\n` +
      `Content-Type: ${PROBLEM_CONTENT_TYPE}\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\n` +
      'Cache-Control: no-store\r\nX-Content-Type-Options: nosniff\r\nConnection: close\r\n\r\n' +
      body,
  );
}
