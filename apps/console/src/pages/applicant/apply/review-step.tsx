import { Descriptions, Table, Tag, Typography } from 'antd';
import type { ApplicationDetail } from '../../../services/intake/views';
import { APPLICATION_KIND_NAMES, BASIS_NAMES, INSTITUTION_KIND_NAMES, jurisdictionName, levelsText } from '../../../lib/vocabulary';
import { formatBytes } from '../../../lib/file-digest';

/** Everything that will be submitted, to read once more before submitting. */
export function ReviewStep({ application: a }: { application: ApplicationDetail }) {
  return (
    <>
      <Typography.Title level={4}>请核对申报内容</Typography.Title>
      <Descriptions bordered size="small" column={{ xs: 1, md: 2 }}>
        <Descriptions.Item label="申报类型">{APPLICATION_KIND_NAMES[a.applicationKind]}</Descriptions.Item>
        <Descriptions.Item label="属地">{jurisdictionName(a.jurisdiction)}</Descriptions.Item>
        <Descriptions.Item label="机构名称">{a.institution.name}</Descriptions.Item>
        <Descriptions.Item label="统一社会信用代码">{a.institution.creditCode}</Descriptions.Item>
        <Descriptions.Item label="机构类型">{INSTITUTION_KIND_NAMES[a.institution.kind]}</Descriptions.Item>
        <Descriptions.Item label="法定代表人">{a.institution.legalRepresentative}</Descriptions.Item>
        <Descriptions.Item label="地址">{a.institution.address}</Descriptions.Item>
        <Descriptions.Item label="联系人">
          {a.institution.contact.person} {a.institution.contact.phone}
        </Descriptions.Item>
        {a.existingFilingNumber && <Descriptions.Item label="原备案">{a.existingFilingNumber}</Descriptions.Item>}
      </Descriptions>
      <Table
        style={{ marginTop: 16 }}
        size="small"
        pagination={false}
        rowKey={(o) => o.code + (o.workType ?? '')}
        dataSource={a.occupations}
        caption={<div style={{ textAlign: 'left', fontWeight: 600 }}>申请认定的职业（工种）及等级</div>}
        columns={[
          { title: '职业编码', dataIndex: 'code' },
          { title: '职业（工种）', render: (_, o) => `${o.name}${o.workType ? `（${o.workType}）` : ''}` },
          { title: '等级', render: (_, o) => levelsText(o.levels) },
          { title: '依据', render: (_, o) => BASIS_NAMES[o.basis] },
        ]}
      />
      <Table
        style={{ marginTop: 16 }}
        size="small"
        pagination={false}
        rowKey="item"
        dataSource={a.checklist}
        caption={<div style={{ textAlign: 'left', fontWeight: 600 }}>备案材料</div>}
        columns={[
          { title: '材料', render: (_, i) => `${i.title}${i.required ? '' : '（选填）'}` },
          {
            title: '文件',
            render: (_, i) => {
              const m = a.materials.find((x) => x.checklistItem === i.item);
              return m ? `${m.fileName}（第 ${m.version} 版，${formatBytes(m.size)}）` : i.required ? <Tag color="red">未上传</Tag> : '—';
            },
          },
          {
            title: 'SHA-256',
            render: (_, i) => {
              const sha = a.materials.find((x) => x.checklistItem === i.item)?.sha256;
              return sha ? (
                <Typography.Text code style={{ fontSize: 12 }} title={sha}>
                  {sha.slice(0, 16)}…
                </Typography.Text>
              ) : null;
            },
          },
        ]}
      />
    </>
  );
}
