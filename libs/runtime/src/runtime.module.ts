import { DynamicModule, Global, Module } from '@nestjs/common';
import { Clock } from './clock';
import { ClockController } from './clock.controller';
import { ControllableClock, SystemClock, clockIsControllable } from './clock';
import { HealthController } from './health.controller';
import { HealthRegistry } from './health.registry';

/** Health, metrics and the clock for one service process. */
@Global()
@Module({})
export class RuntimeModule {
  static forService(): DynamicModule {
    const controllable = clockIsControllable();
    return {
      module: RuntimeModule,
      controllers: controllable ? [HealthController, ClockController] : [HealthController],
      providers: [HealthRegistry, { provide: Clock, useClass: controllable ? ControllableClock : SystemClock }],
      exports: [HealthRegistry, Clock],
    };
  }
}
