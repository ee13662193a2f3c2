import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { ApplicationResubmitted, Events } from '@filing/contracts';
import { EventContext, OnEvent } from '@filing/messaging';
import { CaseStepper, eventActor } from '../../infrastructure/case-stepper';

/** The applicant resubmitted after a return (退回): the same group reviews the new materials (初审 again). */
@Controller()
export class ResumeAfterResubmissionMessageController {
  constructor(private readonly stepper: CaseStepper) {}

  @OnEvent(Events.applicationResubmitted)
  async on(@Payload() e: ApplicationResubmitted, @Ctx() ctx: EventContext): Promise<void> {
    // The event names no jurisdiction: the case being here is what makes it this instance's.
    const c = await this.stepper.load(ctx.manager, e.caseId);
    if (!c) return;
    await this.stepper.step(
      ctx.manager,
      {
        caseId: c.id,
        action: 'resubmit',
        actor: eventActor(c.institution.creditCode, 'applicant', c.jurisdiction, c.institution.name),
        by: 'event',
        reason: e.note,
        details: { round: e.round, materials: e.materials.map((m) => ({ materialId: m.materialId, version: m.version, sha256: m.sha256 })), eventId: ctx.meta.id },
        changes: () => ({ resubmissionRound: e.round, ...(e.occupations ? { occupations: e.occupations } : {}) }),
      },
      c,
    );
  }
}
