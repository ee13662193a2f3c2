import { ApiProperty } from '@nestjs/swagger';
import { IsBoolean } from 'class-validator';

export class SetJurisdictionSwitchRequest {
  @ApiProperty({ description: "false: this jurisdiction's cases notify by console inbox only (no e-mail, no SMS)" })
  @IsBoolean({ message: 'externalOn 必须是 true 或 false' })
  externalOn!: boolean;
}
