import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Operation } from '../../common/operation.decorator.js';
import { CurrentCaller } from '../../common/patient-scope.js';
import type { Caller } from '../../common/principal.js';
import { OpenSlotPage, OpenSlotsQuery } from './availability.dto.js';
import { OpenSlotsService } from './open-slots.service.js';

@ApiTags('scheduling')
@Controller('v1/slots')
export class OpenSlotsController {
  constructor(private readonly slots: OpenSlotsService) {}

  @Get()
  @Operation({
    id: 'findOpenSlots',
    summary: 'Open times for a visit type',
    description:
      'Times a visit of this type could start, earliest first (ties by provider name), with ' +
      'any provider offering it unless one is named. The range is at most 31 days; for ' +
      'patients it runs from now to the booking horizon, and only visit types they may book ' +
      'online are found. Roles: patients, front-desk, provider, nurse, admin.',
    permit: 'slots:search',
    returns: OpenSlotPage,
    problems: {
      400: 'A parameter is not valid',
      404: 'No such visit type, or not one the caller may book (visit_type_not_found)',
    },
  })
  find(@Query() query: OpenSlotsQuery, @CurrentCaller() caller: Caller): Promise<OpenSlotPage> {
    return this.slots.find(query, caller.principal);
  }
}
