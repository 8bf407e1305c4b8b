import { Operation } from '../../common/operation.decorator.js';
import { Permit } from '../../common/permit.decorator.js';
import { Body, Controller, Get, Param, Patch, Post } from '@nestjs/common';
import { ApiNotFoundResponse, ApiTags } from '@nestjs/swagger';
import { CurrentCaller } from '../../common/patient-scope.js';
import type { Caller } from '../../common/principal.js';
import { Problem } from '../../common/problem.js';
import { CreateStaffRequest, StaffList, StaffMember, UpdateStaffRequest } from './staff.dto.js';
import { StaffService } from './staff.service.js';

const NOT_FOUND = ApiNotFoundResponse({
  type: Problem,
  description: 'No staff account has this id',
});

@ApiTags('staff')
@Permit('staff:manage')
@Controller('v1/staff')
export class StaffController {
  constructor(private readonly staff: StaffService) {}

  @Get()
  @Operation({
    id: 'listStaff',
    summary: 'Staff accounts',
    returns: StaffList,
  })
  async list(): Promise<StaffList> {
    return { items: await this.staff.list() };
  }

  @Post()
  @Operation({
    id: 'createStaff',
    summary: 'Create a staff account',
    description:
      'The account starts without a usable password: its owner gets an email with a single-use ' +
      'link (72 hours) to choose one.',
    status: 201,
    returns: StaffMember,
    problems: { 400: 'A field is not valid', 409: 'The username is taken (code username_taken)' },
  })
  create(@Body() body: CreateStaffRequest, @CurrentCaller() caller: Caller): Promise<StaffMember> {
    return this.staff.invite(body, caller);
  }

  @Patch(':accountId')
  @Operation({
    id: 'updateStaff',
    summary: "Change a staff member's name, email or roles",
    description:
      'Role changes apply to open sessions at once. Nobody can remove their own admin role.',
    returns: StaffMember,
    uuidParams: ['accountId'],
    problems: {
      400: 'A field is not valid',
      422: 'Removing your own admin role (code cannot_remove_own_admin_role)',
    },
  })
  @NOT_FOUND
  update(
    @Param('accountId') accountId: string,
    @Body() body: UpdateStaffRequest,
    @CurrentCaller() caller: Caller,
  ): Promise<StaffMember> {
    return this.staff.update(accountId, body, caller);
  }

  @Post(':accountId/disable')
  @Operation({
    id: 'disableStaff',
    summary: 'Disable a staff account',
    description: 'Ends all its sessions and blocks sign-in until it is enabled again.',
    status: 200,
    returns: StaffMember,
    uuidParams: ['accountId'],
    problems: { 422: 'Disabling your own account (code cannot_disable_self)' },
  })
  @NOT_FOUND
  disable(
    @Param('accountId') accountId: string,
    @CurrentCaller() caller: Caller,
  ): Promise<StaffMember> {
    return this.staff.disable(accountId, caller);
  }

  @Post(':accountId/enable')
  @Operation({
    id: 'enableStaff',
    summary: 'Enable a disabled staff account',
    description: 'Sign-in works again; sessions ended by the disable stay ended.',
    status: 200,
    returns: StaffMember,
    uuidParams: ['accountId'],
  })
  @NOT_FOUND
  enable(
    @Param('accountId') accountId: string,
    @CurrentCaller() caller: Caller,
  ): Promise<StaffMember> {
    return this.staff.enable(accountId, caller);
  }

  @Post(':accountId/reset-second-factor')
  @Operation({
    id: 'resetStaffSecondFactor',
    summary: "Remove a staff member's authenticator app and recovery codes",
    description:
      'For a lost phone. Ends all their sessions and emails them a notice; their next sign-in ' +
      'follows the staff second-factor policy.',
    status: 200,
    returns: StaffMember,
    uuidParams: ['accountId'],
  })
  @NOT_FOUND
  resetSecondFactor(
    @Param('accountId') accountId: string,
    @CurrentCaller() caller: Caller,
  ): Promise<StaffMember> {
    return this.staff.resetSecondFactor(accountId, caller);
  }
}
