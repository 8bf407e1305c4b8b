import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { fileTypeFromBuffer } from 'file-type';
import { APP_CONFIG } from '../../config/config.module.js';
import { ConfigError, type AppConfig } from '../../config/config.js';

/** The logo types a browser, the PDF writer (PDFKit) and an email client all show. */
const LOGO_TYPES = new Set(['image/png', 'image/jpeg']);
const LOGO_MAX_BYTES = 512 * 1024;

export interface ClinicLogo {
  bytes: Buffer;
  /** Judged from the file's bytes, never from its name. */
  contentType: string;
  /** The first 16 hex digits of its SHA-256: the version in its URL, and its ETag. */
  version: string;
}

/**
 * The clinic's identity (name, colour, logo) from the settings, read once at boot: shown by
 * both apps, in the emails and the PDFs. A logo that is missing, too large or not an image
 * stops the boot with a ConfigError naming CLINIC_LOGO.
 */
@Injectable()
export class ClinicIdentityService implements OnModuleInit {
  private loadedLogo: ClinicLogo | null = null;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  async onModuleInit(): Promise<void> {
    const file = this.config.clinicLogoPath;
    if (!file) return;
    const size = await stat(file).then(
      (info) => info.size,
      () => {
        throw new ConfigError('CLINIC_LOGO', `cannot read ${file}`);
      },
    );
    if (size > LOGO_MAX_BYTES) {
      throw new ConfigError('CLINIC_LOGO', `${file} is larger than 512 KiB`);
    }
    const bytes = await readFile(file);
    const type = await fileTypeFromBuffer(bytes);
    if (!type || !LOGO_TYPES.has(type.mime)) {
      throw new ConfigError('CLINIC_LOGO', `${file} is not a PNG or JPEG image`);
    }
    this.loadedLogo = {
      bytes,
      contentType: type.mime,
      version: createHash('sha256').update(bytes).digest('hex').slice(0, 16),
    };
  }

  get name(): string {
    return this.config.clinicName;
  }

  /** Where patients are asked to call (a controlled medicine's refill, for one). */
  get phone(): string {
    return this.config.clinicPhone;
  }

  get brandColor(): string {
    return this.config.clinicBrandColor;
  }

  get logo(): ClinicLogo | null {
    return this.loadedLogo;
  }
}
