import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Operation } from '../../common/operation.decorator.js';
import { CurrentCaller } from '../../common/patient-scope.js';
import type { Caller } from '../../common/principal.js';
import {
  CreateProviderRequest,
  ListProvidersQuery,
  ProviderPage,
  ProviderSummary,
  UpdateProviderRequest,
} from './catalog.dto.js';
import { CatalogService } from './catalog.service.js';

const MANAGE_PROBLEMS = {
  400: 'A field is not valid',
  403: 'Only administrators manage providers',
  409: 'The account belongs to another provider (account_already_linked)',
  422: 'Not a provider account, or an unknown visit type',
} as const;

@ApiTags('scheduling')
@Controller('v1/providers')
export class ProvidersController {
  constructor(private readonly catalog: CatalogService) {}

  @Get()
  @Operation({
    id: 'listProviders',
    summary: 'Providers patients can see',
    description:
      'By name, optionally only those offering a visit type or with hours at a location. ' +
      'Patients see active providers only. Any signed-in caller.',
    permit: 'catalog:read',
    returns: ProviderPage,
    problems: { 400: 'A parameter is not valid' },
  })
  list(@Query() query: ListProvidersQuery, @CurrentCaller() caller: Caller): Promise<ProviderPage> {
    return this.catalog.listProviders(query, caller.principal);
  }

  @Get(':providerId')
  @Operation({
    id: 'getProvider',
    summary: 'One provider',
    description: 'Patients do not see inactive providers. Any signed-in caller.',
    permit: 'catalog:read',
    uuidParams: ['providerId'],
    returns: ProviderSummary,
    problems: { 404: 'No such provider' },
  })
  get(
    @Param('providerId') providerId: string,
    @CurrentCaller() caller: Caller,
  ): Promise<ProviderSummary> {
    return this.catalog.getProvider(providerId, caller.principal);
  }

  @Post()
  @Operation({
    id: 'createProvider',
    summary: 'Add a provider (admin)',
    description:
      'accountId links a staff account with the provider role, so the provider can sign in.',
    permit: 'catalog:manage',
    status: 201,
    returns: ProviderSummary,
    problems: MANAGE_PROBLEMS,
  })
  create(
    @Body() body: CreateProviderRequest,
    @CurrentCaller() caller: Caller,
  ): Promise<ProviderSummary> {
    return this.catalog.createProvider(body, caller);
  }

  @Patch(':providerId')
  @Operation({
    id: 'updateProvider',
    summary: 'Change a provider (admin)',
    description:
      'Only the fields sent change; visitTypeIds replaces the whole list. active: false hides ' +
      'the provider from patients and offers no open times; booked visits stay.',
    permit: 'catalog:manage',
    uuidParams: ['providerId'],
    returns: ProviderSummary,
    problems: { ...MANAGE_PROBLEMS, 404: 'No such provider' },
  })
  update(
    @Param('providerId') providerId: string,
    @Body() body: UpdateProviderRequest,
    @CurrentCaller() caller: Caller,
  ): Promise<ProviderSummary> {
    return this.catalog.updateProvider(providerId, body, caller);
  }
}
