import { Controller, Param, ParseUUIDPipe, Post, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@filing/auth';
import { AttachKickOffMinutesHandler, MAX_MINUTES_BYTES, MinutesFile } from './attach-kick-off-minutes.handler';

/** HTTP adapter for AttachKickOffMinutesHandler: a multipart `file`. */
@ApiTags('draws')
@ApiBearerAuth()
@Controller('draws')
export class AttachKickOffMinutesController {
  constructor(private readonly handler: AttachKickOffMinutesHandler) {}

  @Post(':id/kick-off-meeting/minutes')
  @Roles('center-staff', 'discipline-officer', 'expert')
  // Browsers and fetch send file names in UTF-8 (启动会纪要.pdf); busboy would read them as latin1.
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: MAX_MINUTES_BYTES, files: 1 }, defParamCharset: 'utf8' }))
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' } } } })
  attach(@Param('id', new ParseUUIDPipe()) id: string, @CurrentPrincipal() p: Principal, @UploadedFile() file?: MinutesFile) {
    return this.handler.attach(id, file, p);
  }
}
