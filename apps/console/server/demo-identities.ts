// The demo identities of the development sign-in page: one per kind of person in the procedure. Development only:
// the console server mounts /api/dev/… only outside production.
import type { DevTokenOptions } from '@filing/auth';

export interface DemoIdentity {
  id: string;
  group: string;
  label: string;
  description: string;
  claims: DevTokenOptions;
}

const identity = (id: string, group: string, label: string, description: string, claims: DevTokenOptions): DemoIdentity => ({
  id,
  group,
  label,
  description,
  claims: { sub: id, name: label, ...claims },
});

export const FIXED_IDENTITIES: DemoIdentity[] = [
  identity('applicant-changchun-mould', '申报机构', '长春一汽模具制造有限公司', '用人单位 · 长春市 · 91220101MA0Y3B9X18', {
    roles: ['applicant'],
    jurisdiction: '220100',
    creditCode: '91220101MA0Y3B9X18',
  }),
  identity('applicant-province-association', '申报机构', '吉林省职业技能评价协会', '社会培训评价组织 · 省直 · 51220000MJ00000014', {
    roles: ['applicant'],
    jurisdiction: '220000',
    creditCode: '51220000MJ00000014',
  }),
  identity('staff-province', '鉴定中心', '省职业技能鉴定中心 工作人员', '吉林省（220000），含省级复核', { roles: ['center-staff'], jurisdiction: '220000' }),
  identity('staff-changchun', '鉴定中心', '长春市职业技能鉴定中心 工作人员', '长春市（220100），自有审核实例', {
    roles: ['center-staff'],
    jurisdiction: '220100',
  }),
  identity('staff-jilin-city', '鉴定中心', '吉林市职业技能鉴定中心 工作人员', '吉林市（220200），由省级实例服务', {
    roles: ['center-staff'],
    jurisdiction: '220200',
  }),
  identity('officer-province', '纪检', '省人社厅机关纪委 纪检人员', '省级专家库抽取（220000）', { roles: ['discipline-officer'], jurisdiction: '220000' }),
  identity('officer-changchun', '纪检', '长春市人社局机关纪委 纪检人员', '长春市专家库抽取（220100）', {
    roles: ['discipline-officer'],
    jurisdiction: '220100',
  }),
  identity('approver-province', '审定', '省人社厅 审定人员', '厅长办公会审定、下发备案通知（220000）', { roles: ['approver'], jurisdiction: '220000' }),
  identity('approver-changchun', '审定', '长春市人社局 审定人员', '市级审定（220100）', { roles: ['approver'], jurisdiction: '220100' }),
  identity('admin', '系统管理', '系统管理员', '评估标准、工作日历、审计（220000）', { roles: ['admin'], jurisdiction: '220000' }),
];

/** `applicant:<credit code>:<jurisdiction>`: any institution, so a demo (or a test) can apply as a new one. */
export function applicantIdentity(id: string): DemoIdentity | undefined {
  const m = /^applicant:([0-9A-HJ-NPQRTUWXY]{18}):(\d{6})$/.exec(id);
  if (!m) return undefined;
  return identity(id, '申报机构', `申报机构（${m[1].slice(0, 4)}…${m[1].slice(-4)}）`, `统一社会信用代码 ${m[1]} · 属地 ${m[2]}`, {
    roles: ['applicant'],
    jurisdiction: m[2],
    creditCode: m[1],
    sub: `applicant-${m[1]}`,
  });
}

const OFFICIAL_ROLES: Record<string, { group: string; title: (place: string) => string }> = {
  'center-staff': { group: '鉴定中心', title: (p) => `${p}职业技能鉴定中心 工作人员` },
  'discipline-officer': { group: '纪检', title: (p) => `${p}人社部门机关纪委 纪检人员` },
  approver: { group: '审定', title: (p) => `${p}人社部门 审定人员` },
  admin: { group: '系统管理', title: () => '系统管理员' },
};

/** `official:<role>:<jurisdiction>`: an official of any role at any jurisdiction, beside the fixed ones. */
export function officialIdentity(id: string, jurisdictions: readonly { code: string; name: string }[]): DemoIdentity | undefined {
  const m = /^official:([a-z-]+):(\d{6})$/.exec(id);
  const role = m && OFFICIAL_ROLES[m[1]];
  const place = m && jurisdictions.find((j) => j.code === m[2]);
  if (!m || !role || !place) return undefined;
  return identity(id, role.group, role.title(place.name), `${place.name}（${place.code}）`, {
    roles: [m[1] as never],
    jurisdiction: place.code,
    sub: `${m[1]}-${place.code}`,
  });
}

/** An expert of a demo expert database, by the record expert-pool keeps. */
export function expertIdentity(e: { id: string; name: string; level: string; levelName: string; employer?: string }): DemoIdentity {
  return identity(`expert:${e.id}:${e.level}`, '评估专家', `专家 ${e.name}`, `${e.levelName}专家库${e.employer ? ` · ${e.employer}` : ''}`, {
    roles: ['expert'],
    jurisdiction: e.level,
    expertId: e.id,
    sub: `expert-${e.id}`,
  });
}
