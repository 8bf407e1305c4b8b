import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'portal:public';

/** Marks a route (or controller) as reachable without a session. Everything else needs one. */
export const Public = () => SetMetadata(IS_PUBLIC, true);
