import { describe, expect, it } from 'vitest';
import { returnReason } from './return-reason';
import { itemsNamedIn } from '../../applicant/application/return-reasons';

const checklist = [
  { item: 'assessor-list', title: '考评员名单', required: true },
  { item: 'site-photos', title: '场地设备照片（含消防设施）', required: true },
  { item: 'charter', title: '章程', required: true },
];

describe('the reason of a failed re-check (退回)', () => {
  it('names the materials to correct first, so the applicant’s page marks exactly them', () => {
    const reason = returnReason('  请补充焊工考评员资格证明。 ', [checklist[0], checklist[1]]);
    expect(reason).toBe('需补正材料：考评员名单、场地设备照片（含消防设施）。请补充焊工考评员资格证明。');
    expect([...itemsNamedIn([reason], checklist)].sort()).toEqual(['assessor-list', 'site-photos']);
  });

  it('is the reviewer’s words alone when no material is picked', () => {
    expect(returnReason('意见不成立', [])).toBe('意见不成立');
  });
});
