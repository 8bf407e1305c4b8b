import { Permit } from '../../common/permit.decorator.js';
import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
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
import {
  CreateProviderRequest,
  ListProvidersQuery,
  ProviderPage,
  ProviderSummary,
  UpdateProviderRequest,
} from './catalog.dto.js';
import { CatalogService } from './catalog.service.js';

const PROVIDER_ID = ApiParam({ name: 'providerId', type: String, format: 'uuid' });

@ApiTags('scheduling')
@ApiUnauthorizedResponse({ type: Problem, description: 'Not signed in' })
@Controller('v1/providers')
export class ProvidersController {
  constructor(private readonly catalog: CatalogService) {}

  @Get()
  @Permit('catalog:read')
  @ApiOperation({
    operationId: 'listProviders',
    summary: 'Providers patients can see',
    description:
      'By name, optionally only those offering a visit type or with hours at a location. ' +
      'Patients see active providers only. Any signed-in caller.',
  })
  @ApiOkResponse({ type: ProviderPage })
  @ApiBadRequestResponse({ type: Problem, description: 'A parameter is not valid' })
  list(@Query() query: ListProvidersQuery, @CurrentCaller() caller: Caller): Promise<ProviderPage> {
    return this.catalog.listProviders(query, caller.principal);
  }

  @Get(':providerId')
  @Permit('catalog:read')
  @PROVIDER_ID
  @ApiOperation({
    operationId: 'getProvider',
    summary: 'One provider',
    description: 'Patients do not see inactive providers. Any signed-in caller.',
  })
  @ApiOkResponse({ type: ProviderSummary })
  @ApiNotFoundResponse({ type: Problem, description: 'No such provider' })
  get(
    @Param('providerId') providerId: string,
    @CurrentCaller() caller: Caller,
  ): Promise<ProviderSummary> {
    return this.catalog.getProvider(providerId, caller.principal);
  }

  @Post()
  @HttpCode(201)
  @Permit('catalog:manage')
  @ApiOperation({
    operationId: 'createProvider',
    summary: 'Add a provider (admin)',
    description:
      'accountId links a staff account with the provider role, so the provider can sign in.',
  })
  @ApiCreatedResponse({ type: ProviderSummary })
  @ApiBadRequestResponse({ type: Problem, description: 'A field is not valid' })
  @ApiForbiddenResponse({ type: Problem, description: 'Only administrators manage providers' })
  @ApiConflictResponse({
    type: Problem,
    description: 'The account belongs to another provider (account_already_linked)',
  })
  @ApiUnprocessableEntityResponse({
    type: Problem,
    description: 'Not a provider account, or an unknown visit type',
  })
  create(
    @Body() body: CreateProviderRequest,
    @CurrentCaller() caller: Caller,
  ): Promise<ProviderSummary> {
    return this.catalog.createProvider(body, caller);
  }

  @Patch(':providerId')
  @Permit('catalog:manage')
  @PROVIDER_ID
  @ApiOperation({
    operationId: 'updateProvider',
    summary: 'Change a provider (admin)',
    description:
      'Only the fields sent change; visitTypeIds replaces the whole list. active: false hides ' +
      'the provider from patients and offers no open times; booked visits stay.',
  })
  @ApiOkResponse({ type: ProviderSummary })
  @ApiBadRequestResponse({ type: Problem, description: 'A field is not valid' })
  @ApiForbiddenResponse({ type: Problem, description: 'Only administrators manage providers' })
  @ApiNotFoundResponse({ type: Problem, description: 'No such provider' })
  @ApiConflictResponse({
    type: Problem,
    description: 'The account belongs to another provider (account_already_linked)',
  })
  @ApiUnprocessableEntityResponse({
    type: Problem,
    description: 'Not a provider account, or an unknown visit type',
  })
  update(
    @Param('providerId') providerId: string,
    @Body() body: UpdateProviderRequest,
    @CurrentCaller() caller: Caller,
  ): Promise<ProviderSummary> {
    return this.catalog.updateProvider(providerId, body, caller);
  }
}
