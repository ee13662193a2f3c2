import { BadRequestException, Body, Controller, Get, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Public } from '@filing/auth';
import { IsISO8601, IsOptional, IsInt, Min } from 'class-validator';
import { Clock, ControllableClock } from './clock';

class SetClockBody {
  @IsOptional() @IsISO8601() now?: string;
  @IsOptional() @IsInt() @Min(0) advanceMs?: number;
}

/** Only mounted when CLOCK_MODE=controllable (test and demo); never in production. */
@ApiTags('test-clock')
@Public()
@Controller('test/clock')
export class ClockController {
  constructor(private readonly clock: Clock) {}

  @Get()
  get() {
    return { now: this.clock.now().toISOString(), today: this.clock.today() };
  }

  @Post()
  set(@Body() body: SetClockBody) {
    if (!(this.clock instanceof ControllableClock)) throw new BadRequestException('the clock is not controllable');
    if (body.now) this.clock.set(new Date(body.now));
    if (body.advanceMs) this.clock.advance(body.advanceMs);
    return this.get();
  }
}
