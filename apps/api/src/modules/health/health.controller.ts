import { Operation } from '../../common/operation.decorator.js';
import { Controller, Get, Res } from '@nestjs/common';
import { ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Public } from '../../common/public.decorator.js';
import { HealthService } from './health.service.js';
import { LivenessDto, ReadinessDto } from './health.dto.js';

@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(private readonly health: HealthService) {}

  @Get('live')
  @Operation({
    id: 'getLiveness',
    summary: 'The process is up',
    status: 200,
    returns: LivenessDto,
  })
  live(): LivenessDto {
    return { status: 'ok' };
  }

  @Get('ready')
  @Operation({
    id: 'getReadiness',
    summary: 'The database and the queue backend answer',
    description: 'Also reports emails waiting or failed, so delivery trouble is visible.',
    returns: ReadinessDto,
  })
  @ApiServiceUnavailableResponse({ type: ReadinessDto })
  async ready(@Res({ passthrough: true }) reply: FastifyReply): Promise<ReadinessDto> {
    const report = await this.health.readiness();
    reply.status(report.status === 'ok' ? 200 : 503);
    return report;
  }
}
