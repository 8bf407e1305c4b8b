import { Body, Controller, Get, Param, Patch, Post, Put } from '@nestjs/common';
import { ApiParam, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { Operation } from '../../common/operation.decorator.js';
import { CurrentCaller } from '../../common/patient-scope.js';
import type { Caller } from '../../common/principal.js';
import { Problem } from '../../common/problem.js';
import { validationProblem } from '../../common/problem.filter.js';
import { MessagingAdminService } from './messaging-admin.service.js';
import {
  CarePoolList,
  CarePoolView,
  CreateCarePoolRequest,
  CreateReplyTemplateRequest,
  MessageRoutingList,
  ReplyTemplateList,
  ReplyTemplateView,
  SetMessageRoutingRequest,
  UpdateCarePoolRequest,
  UpdateReplyTemplateRequest,
} from './messaging.dto.js';
import { MESSAGE_CATEGORIES, type MessageCategory } from './messaging.rules.js';

function category(value: string): MessageCategory {
  if ((MESSAGE_CATEGORIES as readonly string[]).includes(value)) return value as MessageCategory;
  throw validationProblem([
    { field: 'category', message: `Choose one of: ${MESSAGE_CATEGORIES.join(', ')}.` },
  ]);
}

@ApiTags('messages')
@ApiUnauthorizedResponse({ type: Problem, description: 'Not signed in' })
@Controller('v1')
export class MessagingAdminController {
  constructor(private readonly admin: MessagingAdminService) {}

  @Get('care-pools')
  @Operation({
    id: 'listCarePools',
    summary: 'The care-team pools, by name',
    description:
      'For the inbox’s pool filter and moving a conversation. Any staff who read messages.',
    permit: 'messages:read',
    returns: CarePoolList,
  })
  pools(): Promise<CarePoolList> {
    return this.admin.pools();
  }

  @Post('care-pools')
  @Operation({
    id: 'createCarePool',
    summary: 'Add a care-team pool (admin)',
    description:
      'A department decides which roles read it (clinical: providers and nurses; appointments: ' +
      'front desk; billing: billing); a location narrows it to staff who work there.',
    permit: 'messages:manage-pools',
    status: 201,
    returns: CarePoolView,
    problems: {
      400: 'A field is not valid, or no such location',
      403: 'Only administrators manage pools',
      409: 'The name is taken (care_pool_name_taken)',
    },
  })
  createPool(
    @Body() body: CreateCarePoolRequest,
    @CurrentCaller() caller: Caller,
  ): Promise<CarePoolView> {
    return this.admin.createPool(body, caller);
  }

  @Patch('care-pools/:poolId')
  @Operation({
    id: 'updateCarePool',
    summary: 'Change a care-team pool (admin)',
    description:
      'Only the fields sent change. active: false stops new messages being routed to it.',
    permit: 'messages:manage-pools',
    uuidParams: ['poolId'],
    returns: CarePoolView,
    problems: {
      400: 'A field is not valid, or no such location',
      403: 'Only administrators manage pools',
      404: 'No such pool',
      409: 'The name is taken (care_pool_name_taken)',
    },
  })
  updatePool(
    @Param('poolId') poolId: string,
    @Body() body: UpdateCarePoolRequest,
    @CurrentCaller() caller: Caller,
  ): Promise<CarePoolView> {
    return this.admin.updatePool(poolId, body, caller);
  }

  @Get('message-routing')
  @Operation({
    id: 'listMessageRouting',
    summary: 'Which pool reads each message category, and the promised answer time',
    permit: 'messages:read',
    returns: MessageRoutingList,
  })
  routing(): Promise<MessageRoutingList> {
    return this.admin.routing();
  }

  @Put('message-routing/:category')
  @ApiParam({ name: 'category', enum: MESSAGE_CATEGORIES, enumName: 'MessageCategory' })
  @Operation({
    id: 'setMessageRouting',
    summary: 'Route a message category to a pool, with its answer time (admin)',
    description:
      'New messages of the category go there; conversations already open stay where they are.',
    permit: 'messages:manage-pools',
    returns: MessageRoutingList,
    problems: {
      400: 'A field or the category is not valid',
      403: 'Only administrators set the routing',
      404: 'No such pool (care_pool_not_found)',
    },
  })
  setRouting(
    @Param('category') value: string,
    @Body() body: SetMessageRoutingRequest,
    @CurrentCaller() caller: Caller,
  ): Promise<MessageRoutingList> {
    return this.admin.setRouting(category(value), body, caller);
  }

  @Get('reply-templates')
  @Operation({
    id: 'listReplyTemplates',
    summary: 'Reply templates, by name, with their placeholders unfilled',
    permit: 'messages:read',
    returns: ReplyTemplateList,
  })
  templates(): Promise<ReplyTemplateList> {
    return this.admin.templates();
  }

  @Post('reply-templates')
  @Operation({
    id: 'createReplyTemplate',
    summary: 'Add a reply template (admin)',
    description:
      'Placeholders: {{patientFirstName}}, {{staffName}}, {{clinicName}}, {{poolName}}; filled when staff use it.',
    permit: 'messages:manage-pools',
    status: 201,
    returns: ReplyTemplateView,
    problems: {
      400: 'A field is not valid',
      403: 'Only administrators manage templates',
      409: 'The name is taken (reply_template_name_taken)',
    },
  })
  createTemplate(
    @Body() body: CreateReplyTemplateRequest,
    @CurrentCaller() caller: Caller,
  ): Promise<ReplyTemplateView> {
    return this.admin.createTemplate(body, caller);
  }

  @Patch('reply-templates/:templateId')
  @Operation({
    id: 'updateReplyTemplate',
    summary: 'Change or retire a reply template (admin)',
    description: 'Only the fields sent change; active: false stops offering it.',
    permit: 'messages:manage-pools',
    uuidParams: ['templateId'],
    returns: ReplyTemplateView,
    problems: {
      400: 'A field is not valid',
      403: 'Only administrators manage templates',
      404: 'No such template',
      409: 'The name is taken (reply_template_name_taken)',
    },
  })
  updateTemplate(
    @Param('templateId') templateId: string,
    @Body() body: UpdateReplyTemplateRequest,
    @CurrentCaller() caller: Caller,
  ): Promise<ReplyTemplateView> {
    return this.admin.updateTemplate(templateId, body, caller);
  }
}
