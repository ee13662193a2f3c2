import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsISO8601, IsNotEmpty, IsString, MaxLength } from 'class-validator';

/** The kick-off meeting (启动会): when and where, who came, the requirements and the standard agreed. */
export class RecordKickOffMeetingRequest {
  @ApiProperty({ example: '2026-05-12', description: 'the day the meeting was held (China date)' })
  @IsISO8601({ strict: true }, { message: '启动会日期（heldOn）须为 YYYY-MM-DD 格式的日期' })
  heldOn!: string;

  @ApiProperty({ example: '吉林省职业技能鉴定中心 3 楼会议室' })
  @IsString()
  @IsNotEmpty({ message: '启动会地点（place）不能为空' })
  @MaxLength(200)
  place!: string;

  @ApiProperty({ type: [String], description: 'the members present; the other members are recorded absent' })
  @IsArray({ message: '出席成员（presentExpertIds）须为成员编号列表' })
  @ArrayMaxSize(50)
  @IsString({ each: true })
  presentExpertIds!: string[];

  @ApiProperty({ example: '明确技术评估要求：材料审核 5 个工作日内完成，现场评估采用五种方式……', description: '明确要求' })
  @IsString()
  @IsNotEmpty({ message: '评估要求（requirements）不能为空' })
  @MaxLength(5000)
  requirements!: string;

  @ApiProperty({ example: 'enterprise-standard v1', description: '统一标准: the evaluation standard and version the group agreed to apply' })
  @IsString()
  @IsNotEmpty({ message: '统一的评估标准版本（standardVersion）不能为空' })
  @MaxLength(200)
  standardVersion!: string;
}
