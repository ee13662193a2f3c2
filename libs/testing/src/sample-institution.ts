import { newCreditCode } from '@filing/contracts';

export interface SampleInstitution {
  name: string;
  creditCode: string;
  kind: 'employer' | 'social-org';
  legalRepresentative: string;
  address: string;
  contact: { person: string; phone: string; email: string };
}

/**
 * An institution as an applicant enters it (a Changchun enterprise with a fresh, valid 统一社会信用代码): the one
 * sample every spec and the procedure driver start from, overriding what their test is about.
 */
export function sampleInstitution(over: Partial<SampleInstitution> = {}): SampleInstitution {
  return {
    name: '长春一汽模具制造有限公司',
    creditCode: newCreditCode('91220101'),
    kind: 'employer',
    legalRepresentative: '王立新',
    address: '吉林省长春市绿园区东风大街 8 号',
    contact: { person: '李红', phone: '0431-85901234', email: 'hr@example.cn' },
    ...over,
  };
}
