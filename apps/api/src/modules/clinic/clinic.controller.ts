import { BINARY, Operation } from '../../common/operation.decorator.js';
import { Controller, Get, Headers, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { notFoundError } from '../../common/problem.js';
import { Public } from '../../common/public.decorator.js';
import { ClinicIdentityService } from './clinic-identity.service.js';
import { ClinicIdentity } from './clinic.dto.js';

class NoLogoError extends notFoundError('logo_not_found', 'This clinic has no logo.') {}

/** Who the portal belongs to: public, so the sign-in pages show it too. */
@ApiTags('clinic')
@Public()
@Controller('v1/clinic')
export class ClinicController {
  constructor(private readonly clinic: ClinicIdentityService) {}

  @Get()
  @Operation({
    id: 'getClinicIdentity',
    summary: 'The clinic’s name, colour, logo and phone',
    description:
      'Set by the operator (CLINIC_NAME, CLINIC_BRAND_COLOR, CLINIC_LOGO, CLINIC_PHONE). No session.',
    returns: ClinicIdentity,
  })
  identity(@Res({ passthrough: true }) reply: FastifyReply): ClinicIdentity {
    // Not about anyone: a browser may keep it for a few minutes.
    void reply.header('cache-control', 'public, max-age=300');
    const logo = this.clinic.logo;
    return {
      name: this.clinic.name,
      brandColor: this.clinic.brandColor,
      logoUrl: logo ? `/api/v1/clinic/logo?v=${logo.version}` : null,
      phone: this.clinic.phone,
    };
  }

  @Get('logo')
  @Operation({
    id: 'getClinicLogo',
    summary: 'The clinic’s logo image',
    description: 'PNG or JPEG as the operator provided it; cached for a year by its URL.',
    problems: { 404: 'The clinic has no logo' },
    returns: { media: { 'image/png': BINARY, 'image/jpeg': BINARY } },
    returnsDescription: 'The image',
  })
  logo(
    @Headers('if-none-match') ifNoneMatch: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Buffer | undefined {
    const logo = this.clinic.logo;
    if (!logo) throw new NoLogoError();
    const etag = `"${logo.version}"`;
    void reply.header('cache-control', 'public, max-age=31536000, immutable').header('etag', etag);
    if (ifNoneMatch === etag) {
      void reply.status(304);
      return undefined;
    }
    void reply.type(logo.contentType);
    return logo.bytes;
  }
}
