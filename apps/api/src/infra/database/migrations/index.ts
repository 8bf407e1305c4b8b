import { Init1764230400000 } from './1764230400000-Init.js';

/** Every migration, in order. New ones are appended here. */
export const MIGRATIONS = [Init1764230400000];
