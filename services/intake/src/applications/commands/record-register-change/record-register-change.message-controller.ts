import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { Events, FilingStatusChanged } from '@filing/contracts';
import { EventContext, OnEvent } from '@filing/messaging';
import { FiledInstitution } from '../../infrastructure/filed-institution.entity';

/**
 * A filed institution's register entry changed after filing (变更, 暂停, 恢复, 撤销, 注销). Intake keeps the status on
 * its read model of filings, so add-occupation stays open only to an institution whose filing is valid now.
 */
@Controller()
export class RecordRegisterChangeMessageController {
  @OnEvent(Events.filingStatusChanged)
  async on(@Payload() event: FilingStatusChanged, @Ctx() ctx: EventContext): Promise<void> {
    await ctx.manager.update(FiledInstitution, { creditCode: event.institution.creditCode }, { status: event.status, name: event.institution.name });
  }
}
