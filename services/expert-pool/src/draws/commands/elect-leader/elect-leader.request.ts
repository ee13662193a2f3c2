import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';

/** One present member's vote for the group leader (组长): a candidate, or `abstain: true` (弃权). */
export class CastVoteRequest {
  @ApiPropertyOptional({ description: 'the present member voted for as group leader (组长); omit when abstaining' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  candidateExpertId?: string;

  @ApiPropertyOptional({ description: 'true abstains (弃权) in this round' })
  @IsOptional()
  @IsBoolean()
  abstain?: boolean;
}

/** The centre names the leader among the candidates tied in the runoff (ADR 0020), with its reason. */
export class DecideLeaderRequest {
  @ApiProperty() @IsString() @IsNotEmpty({ message: '须指定组长人选（leaderExpertId）' }) @MaxLength(100) leaderExpertId!: string;
  @ApiProperty({ example: '第二轮票数相同，经中心研究确定由从事本职业年限较长者担任组长' })
  @IsString()
  @IsNotEmpty({ message: '须说明决定理由（reason）' })
  @MaxLength(2000)
  reason!: string;
}
