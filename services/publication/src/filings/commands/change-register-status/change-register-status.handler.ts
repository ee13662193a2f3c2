import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { AuditLog, principalActor } from '@filing/audit';
import { Principal } from '@filing/auth';
import { Events, FilingStatusChanged, findJurisdiction, PROVINCE_CODE } from '@filing/contracts';
import { OutboxWriter } from '@filing/messaging';
import { Clock, IllegalStep, InvalidCommand, NotFound } from '@filing/runtime';
import { ACTION_NAMES, registerStep, suspensionProblem } from '../../domain/register-status';
import { FilingsRepository, RegisterChangesRepository } from '../../infrastructure/filings.repository';
import { CounterRepository } from '../../../infrastructure/counter.repository';
import { ChangeRegisterStatusRequest } from './change-register-status.request';

/** The deciding authority: the provincial department, or the city's HRSS bureau for an institution it filed. */
function authorityOf(jurisdiction: string): string {
  if (jurisdiction === PROVINCE_CODE) return '吉林省人力资源和社会保障厅';
  return `${findJurisdiction(jurisdiction)?.name ?? jurisdiction}人力资源和社会保障局`;
}

/**
 * A decision on a filed institution's register entry after filing: 变更 (details), 暂停 (with reason and period),
 * 恢复, 撤销, 注销. Taken by an approver of the province, or of the city where the institution filed; audited, and
 * sent to the national platform on the national feed (same sequence as the filing notices, ce_id = changeId) in one
 * transaction with the register's change.
 */
@Injectable()
export class ChangeRegisterStatusHandler {
  constructor(
    private readonly filings: FilingsRepository,
    private readonly counters: CounterRepository,
    private readonly changes: RegisterChangesRepository,
    private readonly outbox: OutboxWriter,
    private readonly clock: Clock,
    private readonly audit: AuditLog,
  ) {}

  async change(creditCode: string, body: ChangeRegisterStatusRequest, principal: Principal) {
    if (body.action === 'suspend') {
      const problem = suspensionProblem(body.suspension);
      if (problem)
        throw new InvalidCommand({ message: problem, code: 'VALIDATION_FAILED', errors: [{ field: 'suspension', code: 'REQUIRED', message: problem }] });
    } else if (body.suspension) {
      throw new InvalidCommand({
        message: `只有暂停需要写明暂停期限（本次为${ACTION_NAMES[body.action]}）`,
        code: 'VALIDATION_FAILED',
        errors: [{ field: 'suspension', code: 'NOT_ALLOWED', message: 'only a suspension has a period' }],
      });
    }
    if (body.action === 'change-details' && !body.details?.name && !body.details?.address) {
      throw new InvalidCommand({
        message: '变更须写明变更后的机构名称或地址',
        code: 'VALIDATION_FAILED',
        errors: [{ field: 'details', code: 'REQUIRED', message: 'name or address' }],
      });
    }
    return this.filings.transaction(async (manager) => {
      const entry = await this.filings.lockEntry(manager, creditCode);
      // Another city's approver learns nothing of the entry's existence beyond the public register: 404 as for none.
      if (!entry || (principal.jurisdiction !== PROVINCE_CODE && principal.jurisdiction !== entry.jurisdiction)) {
        throw new NotFound(`备案名录中没有统一社会信用代码为 ${creditCode} 的机构${entry ? '（不属于本辖区）' : ''}`);
      }
      const step = registerStep(entry.status, body.action);
      if (!step.ok)
        throw new IllegalStep({ message: step.problem, code: 'REGISTER_STATUS_CONFLICT', currentStatus: entry.status, allowedActions: step.allowed });

      const decidedAt = this.clock.now();
      const decidedDate = this.clock.today();
      const previousDetails: Record<string, string> = {};
      let name = entry.name;
      let address = entry.address;
      if (body.action === 'change-details') {
        if (body.details?.name && body.details.name !== entry.name) {
          previousDetails.name = entry.name;
          name = body.details.name;
        }
        if (body.details?.address && body.details.address !== entry.address) {
          previousDetails.address = entry.address ?? '';
          address = body.details.address;
        }
        if (!Object.keys(previousDetails).length) throw new IllegalStep({ message: '变更后的名称和地址与备案名录中的相同，无需变更', code: 'NOTHING_CHANGED' });
      }
      // A suspension's period stays on the entry while suspended; any other step clears it.
      const period = body.action === 'suspend' ? body.suspension! : null;
      const changeId = randomUUID();
      const sequence = await this.counters.next(manager, 'national-feed');
      const decidedBy = { authority: authorityOf(principal.jurisdiction), jurisdiction: principal.jurisdiction };
      const payload: FilingStatusChanged = {
        changeId,
        sequence,
        action: body.action,
        status: step.to,
        previousStatus: entry.status,
        ...(entry.filingNumber ? { filingNumber: entry.filingNumber } : {}),
        reason: body.reason,
        ...(body.decisionReference ? { decisionReference: body.decisionReference } : {}),
        ...(period ? { suspension: { from: period.from, ...(period.until ? { until: period.until } : {}) } } : {}),
        ...(Object.keys(previousDetails).length ? { previousDetails } : {}),
        institution: {
          name,
          creditCode,
          kind: entry.kind as FilingStatusChanged['institution']['kind'],
          province: PROVINCE_CODE,
          jurisdiction: entry.jurisdiction,
          jurisdictionName: entry.jurisdictionName,
          ...(address ? { address } : {}),
        },
        occupations: entry.occupations,
        decidedBy,
        decidedAt: decidedAt.toISOString(),
      };
      await this.outbox.add(manager, Events.filingStatusChanged, payload, { id: changeId });
      const stored = await this.filings.storedEvent(manager, changeId);
      await this.changes.insert(manager, {
        id: changeId,
        creditCode,
        action: body.action,
        fromStatus: entry.status,
        toStatus: step.to,
        reason: body.reason,
        decisionReference: body.decisionReference ?? null,
        period,
        changes: Object.keys(previousDetails).length ? previousDetails : null,
        decidedBy: { ...decidedBy, subject: principal.sub, role: 'approver' },
        decidedAt,
        decidedDate,
        sequence,
        stored,
      });
      const keepsReason = step.to !== 'valid';
      await this.changes.applyToEntry(manager, {
        creditCode,
        status: step.to,
        reason: body.action === 'change-details' ? entry.statusReason : keepsReason ? body.reason : null,
        period:
          body.action === 'change-details' && entry.status === 'suspended' && entry.suspendedFrom
            ? { from: entry.suspendedFrom, ...(entry.suspendedUntil ? { until: entry.suspendedUntil } : {}) }
            : period,
        name,
        address,
        at: decidedAt,
      });
      await this.audit.append(manager, {
        caseId: null,
        jurisdiction: entry.jurisdiction,
        action: `register-${body.action}`,
        fromStage: entry.status,
        toStage: step.to,
        actor: principalActor(principal, 'approver'),
        at: decidedAt.toISOString(),
        reason: body.reason,
        details: {
          creditCode,
          changeId,
          feedSequence: sequence,
          ...(period ? { suspension: period } : {}),
          ...(Object.keys(previousDetails).length ? { previousDetails } : {}),
          ...(body.decisionReference ? { decisionReference: body.decisionReference } : {}),
        },
      });
      return { changeId, sequence, creditCode, action: body.action, status: step.to, previousStatus: entry.status, decidedAt: decidedAt.toISOString() };
    });
  }
}
