import { createReadStream } from 'node:fs';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG } from '../../config/config.module.js';
import type { AppConfig } from '../../config/config.js';

/**
 * Where attachment bytes live: the port an object store (S3 and the like) plugs into later.
 * A key is written whole or not at all; the database row naming it is committed only after
 * put() resolves, and a failed commit calls remove().
 */
export abstract class AttachmentStorage {
  abstract put(key: string, bytes: Buffer): Promise<void>;
  abstract open(key: string): Readable;
  abstract remove(key: string): Promise<void>;
}

const KEY = /^[0-9a-f-]{36}\/[0-9a-f-]{36}$/;

/**
 * Local disk under the data folder (DATA_DIR/message-attachments), in both run shapes: a
 * scaled-out deployment shares the folder (a volume) until an object store adapter exists.
 * Bytes go to a temporary file, are flushed to disk, then renamed into place, so a crash
 * never leaves a half-written file under a real key.
 */
@Injectable()
export class LocalDiskAttachmentStorage extends AttachmentStorage {
  private readonly root: string;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    super();
    this.root = path.join(config.dataDir, 'message-attachments');
  }

  private file(key: string): string {
    if (!KEY.test(key)) throw new Error('not an attachment key');
    return path.join(this.root, key);
  }

  async put(key: string, bytes: Buffer): Promise<void> {
    const target = this.file(key);
    await mkdir(path.dirname(target), { recursive: true });
    const partial = `${target}.partial`;
    const handle = await open(partial, 'wx', 0o600);
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } catch (error) {
      await handle.close();
      await rm(partial, { force: true });
      throw error;
    }
    await handle.close();
    await rename(partial, target);
  }

  open(key: string): Readable {
    return createReadStream(this.file(key));
  }

  async remove(key: string): Promise<void> {
    await rm(this.file(key), { force: true });
    await rm(`${this.file(key)}.partial`, { force: true });
  }
}
