import { ApiProperty } from '@nestjs/swagger';
import { ArrayUnique, IsArray, IsIn } from 'class-validator';
import { EXTERNAL_CHANNELS, ExternalChannel } from '../../domain/channels';

export class SetPreferencesRequest {
  @ApiProperty({ enum: EXTERNAL_CHANNELS, isArray: true, description: 'channels besides the console inbox; [] = the inbox only' })
  @IsArray()
  @ArrayUnique()
  @IsIn(EXTERNAL_CHANNELS, { each: true, message: '渠道只能是 email（电子邮件）或 sms（短信）' })
  channels!: ExternalChannel[];
}
