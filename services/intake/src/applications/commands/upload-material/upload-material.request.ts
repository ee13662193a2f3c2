import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

/** The text part of the multipart upload; the file itself is the `file` part. */
export class UploadMaterialRequest {
  @ApiProperty({ example: 'application-report', description: 'the checklist item (备案材料) this file answers' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  checklistItem!: string;
}
