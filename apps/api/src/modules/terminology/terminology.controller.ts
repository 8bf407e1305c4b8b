import { INVALID_QUERY, Operation } from '../../common/operation.decorator.js';
import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiParam, ApiTags } from '@nestjs/swagger';
import { CodeSearchResult, SearchCodesQuery, type CodeView } from './terminology.dto.js';
import { CodeSystemNotFoundError } from './terminology.errors.js';
import { CODE_SYSTEMS, TerminologyService, type LoincEntry } from './terminology.service.js';

@ApiTags('terminology')
@Controller('v1/code-systems')
export class TerminologyController {
  constructor(private readonly terminology: TerminologyService) {}

  @Get(':system/codes')
  @ApiParam({ name: 'system', enum: CODE_SYSTEMS, enumName: 'CodeSystem' })
  @Operation({
    id: 'searchCodes',
    summary: 'Find codes in a code list',
    description:
      'ICD-10-CM diagnoses (icd10cm), CVX vaccines (cvx), LOINC tests (loinc, with their ' +
      'units and adult reference ranges) or RxNorm medications (rxnorm). Records accept only ' +
      'codes from these lists. Staff.',
    permit: 'codes:read',
    returns: CodeSearchResult,
    problems: { 400: INVALID_QUERY, 404: 'code_system_not_found' },
  })
  search(@Param('system') system: string, @Query() query: SearchCodesQuery): CodeSearchResult {
    if (!this.terminology.isSystem(system)) throw new CodeSystemNotFoundError();
    return {
      system,
      version: this.terminology.version(system),
      items: this.terminology.search(system, query.q ?? '', query.limit).map(toCodeView),
    };
  }
}

function toCodeView(entry: LoincEntry | { code: string; display: string }): CodeView {
  const view: CodeView = { code: entry.code, display: entry.display };
  if ('unit' in entry && entry.unit !== undefined) view.unit = entry.unit;
  if ('units' in entry && entry.units !== undefined) view.units = entry.units;
  if ('referenceLow' in entry && entry.referenceLow !== undefined) {
    view.referenceLow = entry.referenceLow;
  }
  if ('referenceHigh' in entry && entry.referenceHigh !== undefined) {
    view.referenceHigh = entry.referenceHigh;
  }
  return view;
}
