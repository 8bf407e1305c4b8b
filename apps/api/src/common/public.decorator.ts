import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiExtension } from '@nestjs/swagger';

export const IS_PUBLIC = 'portal:public';
/** The OpenAPI extension that carries @Public into the document (read by common/openapi.ts). */
export const PUBLIC_EXTENSION = 'x-portal-public';

/** Marks a route (or controller) as reachable without a session. Everything else needs one. */
export const Public = () =>
  applyDecorators(SetMetadata(IS_PUBLIC, true), ApiExtension(PUBLIC_EXTENSION, true));
