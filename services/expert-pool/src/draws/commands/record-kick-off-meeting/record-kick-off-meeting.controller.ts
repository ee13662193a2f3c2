import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@filing/auth';
import { RecordKickOffMeetingHandler } from './record-kick-off-meeting.handler';
import { RecordKickOffMeetingRequest } from './record-kick-off-meeting.request';

/** HTTP adapter for RecordKickOffMeetingHandler. */
@ApiTags('draws')
@ApiBearerAuth()
@Controller('draws')
export class RecordKickOffMeetingController {
  constructor(private readonly handler: RecordKickOffMeetingHandler) {}

  @Put(':id/kick-off-meeting')
  @HttpCode(200)
  @Roles('center-staff', 'discipline-officer')
  record(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: RecordKickOffMeetingRequest, @CurrentPrincipal() p: Principal) {
    return this.handler.record(id, body, p);
  }
}
