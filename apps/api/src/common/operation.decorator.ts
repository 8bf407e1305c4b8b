import { applyDecorators, HttpCode, type Type } from '@nestjs/common';
import {
  ApiOperation,
  ApiParam,
  ApiProduces,
  ApiResponse,
  type ApiResponseOptions,
  type ReferenceObject,
  type SchemaObject,
} from '@nestjs/swagger';
import type { Permission } from './permissions.js';
import { Permit } from './permit.decorator.js';
import { Problem } from './problem.js';
import { Public } from './public.decorator.js';
import { Throttled } from './throttled.decorator.js';

/** The error statuses an operation may answer with a problem document. */
export type ProblemStatus = 400 | 401 | 403 | 404 | 409 | 410 | 413 | 415 | 422 | 423 | 429 | 503;

/** A success body no DTO class describes: its schema by media type (a file, a calendar). */
export interface MediaBody {
  media: Record<string, SchemaObject | ReferenceObject>;
}

/** The 400 of a route whose body is checked: which fields are wrong is in the problem's errors. */
export const INVALID_BODY = 'A field is missing or not valid';
/** The 400 of a route whose query parameters are checked. */
export const INVALID_QUERY = 'A parameter is not valid';

/** The schema of a file body (a PDF, an image). */
export const BINARY: SchemaObject = { type: 'string', format: 'binary' };

export interface OperationSpec {
  /** The operationId: the generated client's function and hook name. */
  id: string;
  summary: string;
  description?: string;
  /**
   * The permission the route needs (see @Permit). Omit it where the controller's @Permit
   * says it for every route, and on public routes.
   */
  permit?: Permission;
  /** The route is about the patient in its path (see @Permit). */
  patientScoped?: boolean;
  /** Reachable without a session (see @Public), where the controller is not public as a whole. */
  public?: true;
  /** Calls are counted and refused past a limit (see @Throttled). */
  throttled?: { retryAfter: boolean };
  /** The success status; 200 unless said. 204 answers no body. */
  status?: 200 | 201 | 202 | 204;
  /**
   * The success body: a class, [class] for an array, a JSON schema no class describes, or
   * other media types; none for 204.
   */
  returns?: Type<unknown> | [Type<unknown>] | { schema: SchemaObject } | MediaBody;
  /** The success description, where it says more than "OK". */
  returnsDescription?: string;
  /** Path parameters (besides patientId, which patientScoped adds) that are UUIDs. */
  uuidParams?: string[];
  /**
   * Each error status the route answers, with when. On a patient-scoped route a 404 here
   * comes first and the unknown-patient case is added after it (see @Permit).
   */
  problems?: Partial<Record<ProblemStatus, string>>;
}

const SUCCESS_DESCRIPTION: Record<number, string> = {
  200: 'OK',
  201: 'Created',
  202: 'Accepted',
  204: 'Done; no body',
};

/** What the success response declares about its body. */
function successBody(returns: OperationSpec['returns']): ApiResponseOptions {
  if (returns === undefined) return {};
  if ('media' in returns) {
    const content = Object.fromEntries(
      Object.entries(returns.media).map(([type, schema]) => [type, { schema }]),
    );
    return { content };
  }
  if ('schema' in returns) return { schema: returns.schema };
  return { type: returns };
}

/**
 * Everything an API route declares about itself in one place: its operationId and texts, who
 * may call it, its success status and body, its UUID path parameters and the problem documents
 * it may answer. One decorator, so every controller reads the same way and a new route cannot
 * forget a part (the OpenAPI contract test checks the document it yields; common/openapi.ts
 * adds the answers every route shares, such as 401 and the permission's 403).
 */
export function Operation(spec: OperationSpec) {
  const status = spec.status ?? 200;
  const { 404: notFound, ...problems } = spec.problems ?? {};
  const decorators: Array<ClassDecorator | MethodDecorator | PropertyDecorator> = [
    ApiOperation({
      operationId: spec.id,
      summary: spec.summary,
      ...(spec.description === undefined ? {} : { description: spec.description }),
    }),
    ApiResponse({
      status,
      description: spec.returnsDescription ?? SUCCESS_DESCRIPTION[status],
      ...successBody(spec.returns),
    }),
  ];
  if (spec.returns !== undefined && 'media' in spec.returns) {
    decorators.push(ApiProduces(...Object.keys(spec.returns.media)));
  }
  if (spec.status !== undefined) decorators.push(HttpCode(spec.status));
  if (spec.public) decorators.push(Public());
  if (spec.throttled) decorators.push(Throttled(spec.throttled));
  // A patient-scoped route's 404 is written by @Permit, with the unknown patient after it.
  const patientScoped = spec.permit !== undefined && spec.patientScoped === true;
  if (spec.permit !== undefined) {
    decorators.push(Permit(spec.permit, { patientScoped, notFound }));
  }
  for (const name of spec.uuidParams ?? []) {
    decorators.push(ApiParam({ name, type: String, format: 'uuid' }));
  }
  const own = patientScoped ? problems : { ...problems, 404: notFound };
  for (const [code, description] of Object.entries(own)) {
    if (description === undefined) continue;
    decorators.push(ApiResponse({ status: Number(code), type: Problem, description }));
  }
  return applyDecorators(...decorators);
}
