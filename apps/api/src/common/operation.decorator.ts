import { applyDecorators, HttpCode, type Type } from '@nestjs/common';
import { ApiOperation, ApiParam, ApiResponse } from '@nestjs/swagger';
import type { Permission } from './permissions.js';
import { Permit } from './permit.decorator.js';
import { Problem } from './problem.js';

/** The error statuses an operation may answer with a problem document. */
export type ProblemStatus = 400 | 403 | 404 | 409 | 410 | 413 | 415 | 422 | 429 | 503;

export interface OperationSpec {
  /** The operationId: the generated client's function and hook name. */
  id: string;
  summary: string;
  description?: string;
  /** The permission the route needs (see @Permit); omit on @Public routes. */
  permit?: Permission;
  /** The route is about the patient in its path (see @Permit). */
  patientScoped?: boolean;
  /** The success status; 200 unless said. 204 answers no body. */
  status?: 200 | 201 | 202 | 204;
  /** The success body's schema (a class, or [class] for an array); none for 204. */
  returns?: Type<unknown> | [Type<unknown>];
  /** The success description, where it says more than "OK". */
  returnsDescription?: string;
  /** Path parameters (besides patientId, which patientScoped adds) that are UUIDs. */
  uuidParams?: string[];
  /** Each error status the route answers, with when. */
  problems?: Partial<Record<ProblemStatus, string>>;
}

const SUCCESS_DESCRIPTION: Record<number, string> = {
  200: 'OK',
  201: 'Created',
  202: 'Accepted',
  204: 'Done; no body',
};

/**
 * Everything an API route declares about itself in one place: its operationId and texts, the
 * permission it needs, its success status and body, its UUID path parameters and the problem
 * documents it may answer. One decorator, so every controller reads the same way and a new
 * route cannot forget a part (the OpenAPI contract test checks the document it yields).
 */
export function Operation(spec: OperationSpec) {
  const status = spec.status ?? 200;
  const decorators: Array<ClassDecorator | MethodDecorator | PropertyDecorator> = [
    ApiOperation({
      operationId: spec.id,
      summary: spec.summary,
      ...(spec.description === undefined ? {} : { description: spec.description }),
    }),
    ApiResponse({
      status,
      description: spec.returnsDescription ?? SUCCESS_DESCRIPTION[status],
      ...(spec.returns === undefined ? {} : { type: spec.returns }),
    }),
  ];
  if (spec.status !== undefined) decorators.push(HttpCode(spec.status));
  if (spec.permit !== undefined) {
    decorators.push(Permit(spec.permit, { patientScoped: spec.patientScoped === true }));
  }
  for (const name of spec.uuidParams ?? []) {
    decorators.push(ApiParam({ name, type: String, format: 'uuid' }));
  }
  for (const [code, description] of Object.entries(spec.problems ?? {})) {
    decorators.push(ApiResponse({ status: Number(code), type: Problem, description }));
  }
  return applyDecorators(...decorators);
}
