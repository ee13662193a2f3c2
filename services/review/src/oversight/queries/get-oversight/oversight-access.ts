import { NotFoundException } from '@nestjs/common';
import { PROVINCE_CODE } from '@filing/contracts';
import { Principal } from '@filing/auth';
import { NotAllowed } from '@filing/runtime';
import { reviewInstance } from '../../../infrastructure/review.config';

/**
 * 省级监管 is the province's: its centre staff, approvers and administrators, at the province instance. A city's
 * administrator sees their own jurisdiction only, as everywhere else, so not every city's figures.
 */
export function assertProvinceOversight(p: Principal): void {
  if (!reviewInstance.isProvince) throw new NotFoundException('省级监管数据仅由省级审核实例提供');
  if (p.jurisdiction !== PROVINCE_CODE) throw new NotAllowed('省级监管仅向省级鉴定中心工作人员、审定人员和管理员开放');
}
