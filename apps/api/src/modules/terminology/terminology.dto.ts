import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { PageLimit, SearchTextField } from '../../common/field-rules.js';
import { CODE_SYSTEMS, type CodeSystemId } from './terminology.service.js';

export const CODE_SEARCH_LIMIT_MAX = 100;
const CODE_SEARCH_LIMIT_DEFAULT = 20;

export class SearchCodesQuery {
  @SearchTextField({
    description: 'The start of a code, or words of its name (any case); empty lists the first',
    example: 'diabetes',
  })
  q?: string;

  @PageLimit(CODE_SEARCH_LIMIT_MAX, CODE_SEARCH_LIMIT_DEFAULT)
  limit: number = CODE_SEARCH_LIMIT_DEFAULT;
}

@ApiSchema({ name: 'CodeListEntry' })
export class CodeView {
  @ApiProperty({ maxLength: 64, example: 'E11.9' }) code: string;
  @ApiProperty({ maxLength: 500, example: 'Type 2 diabetes mellitus without complications' })
  display: string;
  @ApiPropertyOptional({
    maxLength: 30,
    example: 'mg/dL',
    description: 'LOINC only: the default UCUM unit',
  })
  unit?: string;
  @ApiPropertyOptional({
    type: 'array',
    items: { type: 'string', maxLength: 30 },
    maxItems: 50,
    example: ['mg/dL', 'mmol/L'],
    description: 'LOINC only: every UCUM unit accepted',
  })
  units?: string[];
  @ApiPropertyOptional({ example: 70, description: 'LOINC only: adult reference range, low' })
  referenceLow?: number;
  @ApiPropertyOptional({ example: 99, description: 'LOINC only: adult reference range, high' })
  referenceHigh?: number;
}

export class CodeSearchResult {
  @ApiProperty({ enum: CODE_SYSTEMS, enumName: 'CodeSystem' }) system: CodeSystemId;
  @ApiProperty({ maxLength: 50, example: '2025', description: 'The version of the code list' })
  version: string;
  @ApiProperty({ maxItems: 100, type: [CodeView] }) items: CodeView[];
}
