import { useEffect } from 'react';
import { useMutation } from '@tanstack/react-query';
import { Alert, Col, Form, Input, Modal, Row, Select } from 'antd';
import { call } from '../../../services/api';
import { ErrorAlert } from '../../../components/error-alert';
import { showFieldErrors } from '../../../components/form-errors';
import { JURISDICTIONS, LEVEL_NAMES } from '../../../lib/vocabulary';
import type { ExpertRecord } from '../../../services/expert-pool/views';

interface Values {
  name: string;
  gender?: 'male' | 'female';
  idNumber?: string;
  employerName: string;
  employerCreditCode?: string;
  title?: string;
  skillLevel?: number;
  occupationCodes: string[];
  region: string;
  phone: string;
  email?: string;
  termStart: string;
  termEnd?: string;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const OCCUPATION = /^\d-\d{2}-\d{2}-\d{2}$/;

function requestOf(v: Values, creating: boolean) {
  const blank = (s?: string) => (s && s.trim() ? s.trim() : undefined);
  return {
    name: v.name.trim(),
    ...(v.gender ? { gender: v.gender } : {}),
    ...(creating ? { idNumber: v.idNumber!.trim().toUpperCase() } : {}),
    employer: { name: v.employerName.trim(), ...(blank(v.employerCreditCode) ? { creditCode: blank(v.employerCreditCode) } : {}) },
    ...(blank(v.title) ? { title: blank(v.title) } : {}),
    ...(v.skillLevel ? { skillLevel: v.skillLevel } : {}),
    occupationCodes: v.occupationCodes.map((c) => c.trim()),
    region: v.region,
    contact: { phone: v.phone.trim(), ...(blank(v.email) ? { email: blank(v.email) } : {}) },
    termStart: v.termStart,
    ...(blank(v.termEnd) ? { termEnd: blank(v.termEnd) } : {}),
  };
}

const FIELDS: Record<string, (string | number)[]> = {
  name: ['name'],
  gender: ['gender'],
  idNumber: ['idNumber'],
  'employer.name': ['employerName'],
  'employer.creditCode': ['employerCreditCode'],
  title: ['title'],
  skillLevel: ['skillLevel'],
  occupationCodes: ['occupationCodes'],
  region: ['region'],
  'contact.phone': ['phone'],
  'contact.email': ['email'],
  termStart: ['termStart'],
  termEnd: ['termEnd'],
};

/** 新增专家 / 编辑专家: an expert's record; the ID number is entered once, when the expert is added. */
export function ExpertForm({
  open,
  expert,
  level,
  onClose,
  onSaved,
}: {
  open: boolean;
  expert: ExpertRecord | null;
  level: string;
  onClose: () => void;
  onSaved: (e: ExpertRecord) => void;
}) {
  const [form] = Form.useForm<Values>();
  const creating = !expert;
  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (expert)
      form.setFieldsValue({
        name: expert.name,
        gender: expert.gender ?? undefined,
        employerName: expert.employer.name,
        employerCreditCode: expert.employer.creditCode ?? undefined,
        title: expert.title ?? undefined,
        skillLevel: expert.skillLevel ?? undefined,
        occupationCodes: expert.occupationCodes,
        region: expert.region,
        phone: expert.contact.phone,
        email: expert.contact.email ?? undefined,
        termStart: expert.termStart,
        termEnd: expert.termEnd ?? undefined,
      });
    else form.setFieldsValue({ region: level === '220000' ? undefined : level });
  }, [open, expert, level, form]);
  const save = useMutation({
    mutationFn: (v: Values) =>
      expert
        ? call<ExpertRecord>('expert-pool', 'patch', '/experts/{id}', { path: { id: expert.id }, body: requestOf(v, false) as never })
        : call<ExpertRecord>('expert-pool', 'post', '/experts', { body: requestOf(v, true) as never }),
    onSuccess: (e) => onSaved(e),
    onError: (err) => showFieldErrors(form, err, FIELDS),
  });

  return (
    <Modal
      open={open}
      title={creating ? '新增专家' : `编辑专家 · ${expert.name}`}
      width={760}
      okText={creating ? '保存' : '保存修改'}
      cancelText="取消"
      confirmLoading={save.isPending}
      onCancel={() => {
        save.reset();
        onClose();
      }}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" aria-label={creating ? '新增专家' : '编辑专家'} onFinish={(v) => save.mutate(v)}>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name="name" label="姓名" rules={[{ required: true, whitespace: true, message: '请填写姓名' }]}>
              <Input maxLength={50} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="gender" label="性别">
              <Select
                allowClear
                options={[
                  { value: 'male', label: '男' },
                  { value: 'female', label: '女' },
                ]}
              />
            </Form.Item>
          </Col>
          <Col span={12}>
            {creating ? (
              <Form.Item
                name="idNumber"
                label="身份证号"
                rules={[
                  { required: true, message: '请填写身份证号' },
                  { pattern: /^\d{17}[\dXx]$/, message: '身份证号应为 18 位' },
                ]}
              >
                <Input maxLength={18} />
              </Form.Item>
            ) : (
              <Form.Item label="身份证号" extra="身份证号录入后不能修改">
                <Input value={expert.idNumber} disabled aria-label="身份证号" />
              </Form.Item>
            )}
          </Col>
          <Col span={12}>
            <Form.Item name="phone" label="联系电话" rules={[{ required: true, whitespace: true, message: '请填写联系电话' }]}>
              <Input maxLength={30} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="employerName" label="工作单位" rules={[{ required: true, whitespace: true, message: '请填写工作单位' }]}>
              <Input maxLength={200} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="employerCreditCode" label="单位统一社会信用代码">
              <Input maxLength={18} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name="title"
              label="职称"
              dependencies={['skillLevel']}
              rules={[
                ({ getFieldValue }) => ({
                  validator: (_, v) => (v || getFieldValue('skillLevel') ? Promise.resolve() : Promise.reject(new Error('职称与职业技能等级至少填写一项'))),
                }),
              ]}
            >
              <Input maxLength={100} placeholder="如 高级工程师" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="skillLevel" label="职业技能等级">
              <Select allowClear options={Object.entries(LEVEL_NAMES).map(([k, v]) => ({ value: Number(k), label: v }))} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name="occupationCodes"
              label="擅长职业"
              extra="职业分类大典编码，输入后回车，可填多个"
              rules={[
                { required: true, type: 'array', min: 1, message: '请至少填写一个职业编码' },
                {
                  validator: (_, v: string[] = []) =>
                    v.every((c) => OCCUPATION.test(c.trim())) ? Promise.resolve() : Promise.reject(new Error('职业编码应形如 6-18-01-01')),
                },
              ]}
            >
              <Select mode="tags" tokenSeparators={[',', '，', ';', '；', ' ']} open={false} suffixIcon={null} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="region" label="所在地区" rules={[{ required: true, message: '请选择所在地区' }]}>
              <Select showSearch optionFilterProp="label" options={JURISDICTIONS.map((j) => ({ value: j.code, label: j.name }))} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="email" label="电子邮箱" rules={[{ type: 'email', message: '电子邮箱格式不正确' }]}>
              <Input maxLength={200} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item
              name="termStart"
              label="聘期开始"
              rules={[
                { required: true, message: '请填写聘期开始' },
                { pattern: DATE, message: '格式为 YYYY-MM-DD' },
              ]}
            >
              <Input placeholder="YYYY-MM-DD" maxLength={10} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="termEnd" label="聘期结束" rules={[{ pattern: DATE, message: '格式为 YYYY-MM-DD' }]}>
              <Input placeholder="YYYY-MM-DD" maxLength={10} />
            </Form.Item>
          </Col>
        </Row>
        {save.error ? <ErrorAlert error={save.error} /> : null}
        {creating && <Alert type="info" showIcon title="新增的专家状态为“在库”，即可参加抽取。曾任职单位、利益关系等回避信息可通过批量导入填写。" />}
      </Form>
    </Modal>
  );
}
