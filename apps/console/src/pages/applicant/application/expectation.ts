import type { ApplicationSummary } from '../../../services/intake/views';

/** What the applicant is expected to do now, from the application's status and the case's stage. */
export function expectationOf(a: Pick<ApplicationSummary, 'status' | 'caseStage'>): { short: string; long: string; actionable: boolean } {
  switch (a.status) {
    case 'DRAFT':
      return { short: '继续填报并提交', long: '申报尚未提交：请上传全部必需材料，核对后提交。', actionable: true };
    case 'RETURNED':
      return {
        short: '按退回意见补正材料后重新提交',
        long: '受理单位已退回申报材料：请按下列退回意见上传修改后的材料（新版本与原版本并存），然后重新提交。',
        actionable: true,
      };
    case 'FILED':
      return { short: '无需操作（已备案）', long: '已下发备案通知，机构已列入备案机构名录。', actionable: false };
    case 'REJECTED':
      return { short: '无需操作（未通过）', long: '申报未通过，详见结果说明。', actionable: false };
    case 'APPROVED':
      return { short: '等待公示结束', long: '已审定通过，正在公示；公示结束且无异议后下发备案通知。', actionable: false };
  }
  const waiting: Record<string, string> = {
    SUBMITTED: '等待鉴定中心受理',
    ACCEPTED: '已受理，等待组建专家组',
    EXPERT_GROUP_REQUESTED: '等待抽取评估专家',
    GROUP_FORMED: '专家组已组建，等待材料初审',
    PRELIMINARY_REVIEW: '专家组正在进行材料初审',
    PROVINCIAL_RECHECK_PRELIMINARY: '等待省级复核',
    ONSITE_EVALUATION: '等待现场技术评估，请做好迎评准备',
    COMPREHENSIVE_REVIEW: '专家组正在综合评审',
    PROVINCIAL_RECHECK_COMPREHENSIVE: '等待省级复核',
    APPROVAL: '等待审定',
    PUBLIC_NOTICE: '正在公示',
    FILING_NOTICE_REQUESTED: '等待下发备案通知',
  };
  const w = (a.caseStage && waiting[a.caseStage]) || '等待受理单位处理';
  return { short: `无需操作（${w}）`, long: `目前无需您操作：${w}。`, actionable: false };
}
