import { Injectable } from '@nestjs/common';
import { CaseStageChanged } from '@filing/contracts';
import { EventContext } from '@filing/messaging';
import { FINAL_STAGES } from '../../../cases/domain/case-lifecycle';
import { OversightRepository } from '../../infrastructure/oversight.repository';

/**
 * A step of a case at any review instance (the province's own and every city's): the province's oversight read model
 * follows it. One case's events come in order (keyed by the case id) and once each (the inbox), so a step closes the
 * stay in the stage it left and opens one in the stage it entered.
 */
@Injectable()
export class RecordStageChangeHandler {
  constructor(private readonly oversight: OversightRepository) {}

  async execute(e: CaseStageChanged, ctx: EventContext): Promise<void> {
    await this.oversight.recordStep(ctx.manager, e, FINAL_STAGES.includes(e.to));
  }
}
