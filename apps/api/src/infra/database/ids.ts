import { v7 } from 'uuid';

/** UUIDv7: unique ids that sort by creation time and keep btree indexes compact. */
export function newId(): string {
  return v7();
}
