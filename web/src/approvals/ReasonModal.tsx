// Returning (or refusing) one waiting decision, with the reason the API requires. The dialog keeps the row as the
// person saw it: if someone else decides first, the row leaves the queue, the dialog says so, and sending the
// return shows the API's refusal in its own words.
import { useState } from 'react';
import { Alert, Form, Input, Modal, Typography } from 'antd';
import { ApiError } from '../api/client';
import { useI18n, useWords } from '../i18n';
import { DECISIONS, decide, type Decided, type QueueRow } from './queue';
import { REASON_WORDS as WORDS } from '../i18n/approvals';

export function ReasonModal({ row, stillWaiting, onClose, onDone }: { row: QueueRow | null; stillWaiting: boolean; onClose(): void; onDone(decided: Decided, row: QueueRow): void }) {
  const w = useWords(WORDS);
  const { locale } = useI18n();
  const [form] = Form.useForm<{ reason: string }>();
  const [sending, setSending] = useState(false);
  // The refusal belongs to the row it was about: another row's dialog starts without it.
  const [refusal, setRefusal] = useState<{ key: string; error: ApiError } | null>(null);
  const spec = row ? DECISIONS[row.decision] : null;
  const error = row && refusal?.key === row.key ? refusal.error : null;

  if (!row || !spec || !spec.rejectLabel || !spec.reasonLabel) return null;
  const reasonLabel = spec.reasonLabel[locale];
  const title = `${spec.rejectLabel[locale]}：${row.title}`;

  const submit = async () => {
    const { reason } = await form.validateFields();
    setSending(true);
    setRefusal(null);
    try {
      onDone(await decide(row, false, reason.trim(), row.version), row);
    } catch (err) {
      const apiError = err instanceof ApiError ? err : new ApiError(String(err), 'INTERNAL_SERVER_ERROR');
      setRefusal({ key: row.key, error: apiError });
      if (apiError.field === 'reason' || apiError.field === 'note') form.setFields([{ name: 'reason', errors: [apiError.message] }]);
    } finally {
      setSending(false);
    }
  };

  return (
    <Modal
      open
      title={title}
      okText={spec.rejectLabel[locale]}
      cancelText={w('cancel')}
      okButtonProps={{ danger: true, loading: sending }}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={onClose}
      destroyOnHidden
      maskClosable={false}
    >
      <Typography.Paragraph type="secondary">
        {spec.what[locale]}
        {row.unitName ? ` · ${row.unitName}` : ''}
        {row.detail ? ` · ${row.detail}` : ''}
      </Typography.Paragraph>
      {!stillWaiting && !error && <Alert type="warning" showIcon title={w('gone')} className="reason-alert" />}
      {error && <Alert type="error" showIcon role="alert" title={`${w('refused')}（${error.code}）`} description={error.message} className="reason-alert" data-testid="reason-error" />}
      <Form form={form} layout="vertical" onFinish={() => void submit().catch(() => undefined)}>
        <Form.Item name="reason" label={reasonLabel} rules={[{ required: true, whitespace: true, message: `${w('required')}${reasonLabel}` }]}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={2000} showCount autoFocus />
        </Form.Item>
      </Form>
    </Modal>
  );
}
