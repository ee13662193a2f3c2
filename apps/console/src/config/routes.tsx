// Every page of the console: its path, its menu name and the access key it needs (access.ts). One place answers
// "who may see this page". Pages load on demand, so a public page does not carry the portals' code.
import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import type { AccessKey } from '../access';

export interface RouteDef {
  path: string;
  /** Menu entry; pages without one are reached from other pages. */
  menu?: string;
  /** Which menu the entry belongs to. */
  area: 'public' | 'applicant' | 'workbench';
  access?: AccessKey;
  component: LazyExoticComponent<ComponentType>;
}

export const routes: RouteDef[] = [
  { path: '/notices', menu: '公示', area: 'public', component: lazy(() => import('../pages/public/notices')) },
  { path: '/notices/:noticeId', area: 'public', component: lazy(() => import('../pages/public/notice')) },
  { path: '/notice-batches/:batchId', area: 'public', component: lazy(() => import('../pages/public/notice-batch')) },
  { path: '/objections', menu: '异议查询', area: 'public', component: lazy(() => import('../pages/public/objection-status')) },
  { path: '/objections/:receiptNumber', area: 'public', component: lazy(() => import('../pages/public/objection-status')) },
  { path: '/register', menu: '备案机构查询', area: 'public', component: lazy(() => import('../pages/public/register')) },
  { path: '/register/coverage', menu: '就近就地覆盖', area: 'public', component: lazy(() => import('../pages/public/coverage')) },
  { path: '/register/:creditCode', area: 'public', component: lazy(() => import('../pages/public/institution')) },
  { path: '/verify/:filingId', area: 'public', component: lazy(() => import('../pages/public/verification')) },
  { path: '/draws/verify', menu: '抽取验证', area: 'public', component: lazy(() => import('../pages/public/draw-verification')) },
  { path: '/draws/:drawId/verify', area: 'public', component: lazy(() => import('../pages/public/draw-verification')) },
  { path: '/sign-in', area: 'public', component: lazy(() => import('../pages/sign-in')) },
  { path: '/signed-in', area: 'public', component: lazy(() => import('../pages/sign-in/signed-in')) },
  {
    path: '/applicant/applications',
    menu: '我的申报',
    area: 'applicant',
    access: 'applicant',
    component: lazy(() => import('../pages/applicant/my-applications')),
  },
  { path: '/applicant/apply', menu: '新建申报', area: 'applicant', access: 'applicant', component: lazy(() => import('../pages/applicant/apply')) },
  { path: '/applicant/applications/:applicationId', area: 'applicant', access: 'applicant', component: lazy(() => import('../pages/applicant/application')) },
  // Every signed-in person's notices; the bell in the header opens it.
  { path: '/notifications', area: 'workbench', access: 'signedIn', component: lazy(() => import('../pages/notifications')) },
  // The officials' workbenches: each role's home lists what awaits it; the menu shows only what the role may use.
  { path: '/workbench', menu: '工作台', area: 'workbench', access: 'official', component: lazy(() => import('../pages/workbench/home')) },
  { path: '/work-queue', menu: '待办', area: 'workbench', access: 'centreStaff', component: lazy(() => import('../pages/centre/work-queue')) },
  { path: '/centre/notices', menu: '公示管理', area: 'workbench', access: 'centreStaff', component: lazy(() => import('../pages/centre/notices')) },
  { path: '/rechecks', menu: '省级复核', area: 'workbench', access: 'provinceStaff', component: lazy(() => import('../pages/centre/rechecks')) },
  { path: '/oversight', menu: '省级监管', area: 'workbench', access: 'provinceOversight', component: lazy(() => import('../pages/province/oversight')) },
  { path: '/rechecks/:recheckId', area: 'workbench', access: 'provinceStaff', component: lazy(() => import('../pages/centre/recheck')) },
  { path: '/experts', menu: '专家库', area: 'workbench', access: 'centreStaff', component: lazy(() => import('../pages/centre/experts')) },
  { path: '/approvals', menu: '审定', area: 'workbench', access: 'approver', component: lazy(() => import('../pages/approver/approvals')) },
  { path: '/cases/:caseId', area: 'workbench', access: 'caseReader', component: lazy(() => import('../pages/cases/case')) },
  { path: '/officer/draws', menu: '专家抽取', area: 'workbench', access: 'disciplineOfficer', component: lazy(() => import('../pages/officer/draws')) },
  { path: '/officer/draws/:drawId', area: 'workbench', access: 'disciplineOfficer', component: lazy(() => import('../pages/officer/draw')) },
  { path: '/expert/draws/:drawId', area: 'workbench', access: 'expert', component: lazy(() => import('../pages/expert/group')) },
  { path: '/kick-off/:drawId', area: 'workbench', access: 'official', component: lazy(() => import('../pages/centre/kick-off')) },
  { path: '/expert/cases/:caseId', area: 'workbench', access: 'expert', component: lazy(() => import('../pages/expert/evaluation')) },
  { path: '/opinions/:caseId/:kind', area: 'workbench', access: 'official', component: lazy(() => import('../pages/expert/opinion')) },
  { path: '/admin/calendar', menu: '工作日历', area: 'workbench', access: 'admin', component: lazy(() => import('../pages/admin/calendar')) },
  { path: '/admin/register-import', menu: '历史备案导入', area: 'workbench', access: 'admin', component: lazy(() => import('../pages/admin/register-import')) },
  { path: '/admin/standards', menu: '评估标准', area: 'workbench', access: 'admin', component: lazy(() => import('../pages/admin/standards')) },
  { path: '/admin/audit', menu: '审计链', area: 'workbench', access: 'admin', component: lazy(() => import('../pages/admin/audit')) },
  { path: '/admin/dead-letters', menu: '死信事件', area: 'workbench', access: 'admin', component: lazy(() => import('../pages/admin/dead-letters')) },
];
