import { Permit } from '../../common/permit.decorator.js';
import { Body, Controller, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
  ApiUnauthorizedResponse,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { CurrentCaller } from '../../common/patient-scope.js';
import type { Caller } from '../../common/principal.js';
import { Problem } from '../../common/problem.js';
import { CreateStaffRequest, StaffList, StaffMember, UpdateStaffRequest } from './staff.dto.js';
import { StaffService } from './staff.service.js';

const ACCOUNT_ID = ApiParam({ name: 'accountId', type: String, format: 'uuid' });
const NOT_FOUND = ApiNotFoundResponse({
  type: Problem,
  description: 'No staff account has this id',
});

@ApiTags('staff')
@Permit('staff:manage')
@ApiUnauthorizedResponse({ type: Problem, description: 'Not signed in' })
@ApiForbiddenResponse({ type: Problem, description: 'Only administrators manage staff accounts' })
@Controller('v1/staff')
export class StaffController {
  constructor(private readonly staff: StaffService) {}

  @Get()
  @ApiOperation({ operationId: 'listStaff', summary: 'Staff accounts' })
  @ApiOkResponse({ type: StaffList })
  async list(): Promise<StaffList> {
    return { items: await this.staff.list() };
  }

  @Post()
  @HttpCode(201)
  @ApiOperation({
    operationId: 'createStaff',
    summary: 'Create a staff account',
    description:
      'The account starts without a usable password: its owner gets an email with a single-use ' +
      'link (72 hours) to choose one.',
  })
  @ApiCreatedResponse({ type: StaffMember })
  @ApiBadRequestResponse({ type: Problem, description: 'A field is not valid' })
  @ApiConflictResponse({
    type: Problem,
    description: 'The username is taken (code username_taken)',
  })
  create(@Body() body: CreateStaffRequest, @CurrentCaller() caller: Caller): Promise<StaffMember> {
    return this.staff.invite(body, caller);
  }

  @Patch(':accountId')
  @ApiOperation({
    operationId: 'updateStaff',
    summary: "Change a staff member's name, email or roles",
    description:
      'Role changes apply to open sessions at once. Nobody can remove their own admin role.',
  })
  @ACCOUNT_ID
  @ApiOkResponse({ type: StaffMember })
  @ApiBadRequestResponse({ type: Problem, description: 'A field is not valid' })
  @NOT_FOUND
  @ApiUnprocessableEntityResponse({
    type: Problem,
    description: 'Removing your own admin role (code cannot_remove_own_admin_role)',
  })
  update(
    @Param('accountId') accountId: string,
    @Body() body: UpdateStaffRequest,
    @CurrentCaller() caller: Caller,
  ): Promise<StaffMember> {
    return this.staff.update(accountId, body, caller);
  }

  @Post(':accountId/disable')
  @HttpCode(200)
  @ApiOperation({
    operationId: 'disableStaff',
    summary: 'Disable a staff account',
    description: 'Ends all its sessions and blocks sign-in until it is enabled again.',
  })
  @ACCOUNT_ID
  @ApiOkResponse({ type: StaffMember })
  @NOT_FOUND
  @ApiUnprocessableEntityResponse({
    type: Problem,
    description: 'Disabling your own account (code cannot_disable_self)',
  })
  disable(
    @Param('accountId') accountId: string,
    @CurrentCaller() caller: Caller,
  ): Promise<StaffMember> {
    return this.staff.disable(accountId, caller);
  }

  @Post(':accountId/enable')
  @HttpCode(200)
  @ApiOperation({
    operationId: 'enableStaff',
    summary: 'Enable a disabled staff account',
    description: 'Sign-in works again; sessions ended by the disable stay ended.',
  })
  @ACCOUNT_ID
  @ApiOkResponse({ type: StaffMember })
  @NOT_FOUND
  enable(
    @Param('accountId') accountId: string,
    @CurrentCaller() caller: Caller,
  ): Promise<StaffMember> {
    return this.staff.enable(accountId, caller);
  }

  @Post(':accountId/reset-second-factor')
  @HttpCode(200)
  @ApiOperation({
    operationId: 'resetStaffSecondFactor',
    summary: "Remove a staff member's authenticator app and recovery codes",
    description:
      'For a lost phone. Ends all their sessions and emails them a notice; their next sign-in ' +
      'follows the staff second-factor policy.',
  })
  @ACCOUNT_ID
  @ApiOkResponse({ type: StaffMember })
  @NOT_FOUND
  resetSecondFactor(
    @Param('accountId') accountId: string,
    @CurrentCaller() caller: Caller,
  ): Promise<StaffMember> {
    return this.staff.resetSecondFactor(accountId, caller);
  }
}
