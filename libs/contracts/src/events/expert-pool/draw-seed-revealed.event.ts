import { IsISO8601, IsNotEmpty, IsString, Matches } from 'class-validator';
import { JURISDICTION_CODE_PATTERN } from '../parts';

/** After the comprehensive opinion the draw's secret seed is revealed, so anyone can verify the draw. */
export class DrawSeedRevealed {
  @IsString() @IsNotEmpty() caseId!: string;
  @Matches(JURISDICTION_CODE_PATTERN) jurisdiction!: string;
  @IsString() @IsNotEmpty() drawId!: string;
  @Matches(/^[0-9a-f]{64}$/) commitment!: string;
  @Matches(/^[0-9a-f]{64}$/) seed!: string;
  @IsISO8601() revealedAt!: string;
}
