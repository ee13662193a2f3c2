import { issueDevToken } from '@filing/auth';

/** A Changchun enterprise with a valid 统一社会信用代码 (GB 32100-2015 check character included). */
export function changchunEnterprise(name = '长春一汽模具制造有限公司') {
  return {
    name,
    creditCode: '91220101MA0Y3B9X18',
    kind: 'employer' as const,
    legalRepresentative: '王立新',
    address: '吉林省长春市绿园区东风大街 8 号',
    contact: { person: '李红', phone: '0431-85901234', email: 'hr@example.cn' },
  };
}

export const toolmakerOccupation = {
  code: '6-18-01-01',
  name: '车工',
  levels: [5, 4, 3],
  basis: 'national-standard' as const,
};

export async function tokenFor(role: 'applicant' | 'center-staff' | 'approver' | 'admin', jurisdiction: string, extra: Record<string, string> = {}) {
  return issueDevToken({ roles: [role], jurisdiction, ...extra } as never);
}

/** A tiny but real PDF: intake checks both the declared type and the file's magic bytes. */
export const SAMPLE_PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n', 'latin1');

interface ApplicationBody {
  applicationKind: 'new-filing' | 'add-occupation';
  jurisdiction: string;
  institution: ReturnType<typeof changchunEnterprise> | Record<string, unknown>;
  occupations: unknown[];
  existingFilingNumber?: string;
}

/**
 * The applicant's whole intake flow: open a draft (POST /applications), upload a PDF for every required checklist
 * item (POST /applications/:id/materials), submit (POST /applications/:id/submit). Intake then emits
 * `intake.application.submitted.v1`. The token must be an applicant token bound to the institution's credit code.
 */
export async function submitApplication(intakeUrl: string, applicantToken: string, body: ApplicationBody): Promise<{ id: string; submittedAt: string }> {
  const auth = { authorization: `Bearer ${applicantToken}` };
  const created = await fetch(`${intakeUrl}/applications`, {
    method: 'POST',
    headers: { ...auth, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (created.status !== 201) throw new Error(`create application: ${created.status} ${await created.text()}`);
  const draft = (await created.json()) as { id: string; checklist: { item: string; required: boolean }[] };
  for (const { item } of draft.checklist.filter((i) => i.required)) {
    const form = new FormData();
    form.append('checklistItem', item);
    form.append('file', new Blob([SAMPLE_PDF], { type: 'application/pdf' }), `${item}.pdf`);
    const up = await fetch(`${intakeUrl}/applications/${draft.id}/materials`, { method: 'POST', headers: auth, body: form });
    if (up.status !== 201) throw new Error(`upload ${item}: ${up.status} ${await up.text()}`);
  }
  const submitted = await fetch(`${intakeUrl}/applications/${draft.id}/submit`, { method: 'POST', headers: auth });
  if (submitted.status !== 200) throw new Error(`submit: ${submitted.status} ${await submitted.text()}`);
  return submitted.json() as Promise<{ id: string; submittedAt: string }>;
}
