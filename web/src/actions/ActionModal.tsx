// The form of an action that needs input (a classification, a plan, scores, evidence, a reason…): an Ant Design
// Modal and Form, every label Chinese first; the API's refusal is shown on the field it names (ApiError.field), or
// above the buttons. The board decides what happens to the card; this only gathers and checks the input.
import { useEffect, useRef, useState } from 'react';
import { Alert, Button, DatePicker, Form, Input, InputNumber, Modal, Radio, Select, Spin, Typography, Upload, type UploadFile } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { ApiError, gql } from '../api/client';
import { useI18n, useWords } from '../i18n';
import { useMe } from '../session/session';
import type { AnyCard, BoardItemCard, Kind, TaskCard } from '../board/types';
import { TASK_FORM_DATA } from './documents';
import { UNITS } from '../api/documents';
import { EVIDENCE_TYPES, PHOTO_TYPES, readEvidence, readPhotos } from './files';
import type { ActionValues } from './run';
import { specOf, type ActionSpec, type FieldName, type FieldSpec } from './specs';
import { ACTION_WORDS, FIELD_WORDS } from '../i18n/actions';
import './actions.css';
import type { TaskFormDataQuery, UnitsQuery } from '../api/graphql.generated';

export interface ActionRequest {
  kind: Kind;
  card: AnyCard;
  action: string;
  /** What a drop already said (e.g. the classification a unit proposes); the person may still change it. */
  preset: ActionValues;
}

interface Props {
  request: ActionRequest | null;
  onCancel(): void;
  /** Takes the action; rejects with the API's refusal, which the form shows. */
  onSubmit(values: ActionValues): Promise<void>;
}

const CLASSIFICATIONS = [
  ['MET', '达标', 'Met'],
  ['NOT_MET', '未达标', 'Not met'],
  ['UNKNOWN', '未知可否达标', 'Unknown'],
  ['RELAPSE_PRONE', '易反弹', 'Relapse-prone'],
] as const;

const fillIn = (text: string, values: Record<string, string | number>) => text.replace(/\{(\w+)\}/g, (w, k: string) => (k in values ? String(values[k]) : w));
const day = (iso: string) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(iso));

/** Where the API's field names land in the form. */
const FIELD_ALIASES: Record<string, FieldName> = { fileName: 'file', contentBase64: 'file', fileId: 'file', evidenceSha256: 'file', file: 'file' };

export function ActionModal({ request, onCancel, onSubmit }: Props) {
  const { locale } = useI18n();
  const spec = request ? specOf(request.kind, request.action) : undefined;
  const [saving, setSaving] = useState(false);
  const [formKey, setFormKey] = useState(0);
  const [form] = Form.useForm();
  const submitRef = useRef<() => void>(() => undefined);
  const focusRef = useRef<() => void>(() => undefined);
  const label = spec?.label[locale] ?? '';
  return (
    <Modal
      open={!!request && !!spec}
      title={label}
      okText={fillIn(ACTION_WORDS.confirm[locale], { action: label })}
      cancelText={ACTION_WORDS.cancel[locale]}
      okButtonProps={{ danger: spec?.danger }}
      confirmLoading={saving}
      onOk={() => submitRef.current()}
      onCancel={() => {
        if (!saving) onCancel();
      }}
      afterOpenChange={(open) => {
        if (open) focusRef.current();
        else setFormKey((k) => k + 1);
      }}
      destroyOnHidden
      maskClosable={false}
      width={560}
    >
      {request && spec && (
        <ActionForm
          key={`${formKey}:${request.kind}:${request.card.id}:${request.action}`}
          form={form}
          request={request}
          spec={spec}
          setSaving={setSaving}
          submitRef={submitRef}
          focusRef={focusRef}
          onSubmit={onSubmit}
        />
      )}
    </Modal>
  );
}


type Unit = { code: string; name: string };

interface FormProps {
  form: ReturnType<typeof Form.useForm>[0];
  request: ActionRequest;
  spec: ActionSpec;
  setSaving(saving: boolean): void;
  submitRef: { current: () => void };
  focusRef: { current: () => void };
  onSubmit(values: ActionValues): Promise<void>;
}

function ActionForm({ form, request, spec, setSaving, submitRef, focusRef, onSubmit }: FormProps) {
  const { locale } = useI18n();
  const t = useWords(ACTION_WORDS);
  const me = useMe();
  const { kind, card, action, preset } = request;
  const names = new Set(spec.fields.map((f) => f.name));
  const needsTaskData = kind === 'task' && (names.has('scores') || names.has('materialCode') || (names.has('file') && action === 'SUBMIT_ARCHIVE_MATERIAL'));
  const needsUnits = names.has('unitCode');
  const [taskData, setTaskData] = useState<TaskFormDataQuery['indicatorTask'] | null>(null);
  const [units, setUnits] = useState<Unit[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const bodyRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    let live = true;
    if (needsTaskData) {
      gql<TaskFormDataQuery>(TASK_FORM_DATA, { id: card.id })
        .then((data) => live && setTaskData(data.indicatorTask))
        .catch((err: unknown) => live && setLoadError(fillIn(ACTION_WORDS.loadFailed[locale], { message: err instanceof Error ? err.message : String(err) })));
    }
    if (needsUnits) {
      gql<UnitsQuery>(UNITS)
        .then((d) => live && setUnits(d.units))
        .catch((err: unknown) => live && setLoadError(fillIn(ACTION_WORDS.unitsFailed[locale], { message: err instanceof Error ? err.message : String(err) })));
    }
    return () => {
      live = false;
    };
  }, [needsTaskData, needsUnits, card.id, me.role, locale]);

  // The first field the drop did not fill in takes the focus (once the Modal is open), so that a keyboard user
  // types at once.
  useEffect(() => {
    focusRef.current = () => {
      const first = spec.fields.find((f) => !(f.name in preset));
      const byId = first && bodyRef.current?.querySelector<HTMLElement>(`[id="action-${action}_${first.name}"]`);
      const any = bodyRef.current?.querySelector<HTMLElement>('textarea, input:not([type="hidden"]):not([type="file"]), [role="combobox"]');
      (byId ?? any)?.focus();
    };
  }, [focusRef, spec, preset, action]);

  const labelOf = (field: FieldSpec) => (field.label ?? FIELD_WORDS[field.name])[locale];
  const requiredRule = (field: FieldSpec, choice = false) => ({ required: true, message: fillIn(choice ? t('requiredChoice') : t('required'), { label: labelOf(field) }) });
  const loading = (needsTaskData && !taskData && !loadError) || (needsUnits && !units && !loadError);

  const finish = async (raw: Record<string, unknown>) => {
    setFormError(null);
    setSaving(true);
    try {
      const values = await valuesFrom(raw, spec, taskData, locale);
      await onSubmit(values);
    } catch (err) {
      const error = err instanceof ApiError ? err : new ApiError(String(err), 'INTERNAL_SERVER_ERROR');
      const field = error.field ? (FIELD_ALIASES[error.field] ?? (error.field as FieldName)) : null;
      if (field && names.has(field) && field !== 'scores') {
        form.setFields([{ name: field, errors: [error.message] }]);
        form.focusField(field);
      } else {
        setFormError(error.message);
      }
    } finally {
      setSaving(false);
    }
  };
  // The Modal's confirm button submits the form.
  useEffect(() => {
    submitRef.current = () => form.submit();
  }, [form, submitRef]);

  const initial: Record<string, unknown> = {};
  if (preset.classification) initial.classification = preset.classification;
  if (preset.passed !== undefined) initial.passed = preset.passed;
  if (names.has('file') && action === 'SUBMIT_ARCHIVE_MATERIAL') initial.fileSource = 'upload';

  const materials = taskData?.archiveMaterials.filter((m) => (action === 'SUBMIT_ARCHIVE_MATERIAL' ? m.status === 'MISSING' || m.status === 'RETURNED' : m.status === 'SUBMITTED')) ?? [];
  // One material to act on: chosen already (the materials arrive after the form is on screen).
  const onlyMaterial = materials.length === 1 ? materials[0].code : null;
  useEffect(() => {
    if (onlyMaterial && !form.getFieldValue('materialCode')) form.setFieldsValue({ materialCode: onlyMaterial });
  }, [onlyMaterial, form]);

  const renderField = (field: FieldSpec) => {
    const name = field.name;
    const label = labelOf(field);
    const optional = field.required === false ? t('optional') : '';
    const hint = field.hint?.[locale];
    switch (name) {
      case 'classification':
        return (
          <Form.Item key={name} name={name} label={label} rules={[requiredRule(field, true)]}>
            <Select placeholder={t('choose')} options={CLASSIFICATIONS.map(([value, zh, en]) => ({ value, label: locale === 'zh' ? zh : en }))} />
          </Form.Item>
        );
      case 'passed':
        return (
          <Form.Item key={name} name={name} label={label} rules={[requiredRule(field, true)]}>
            <Radio.Group>
              <Radio value={true}>{kind === 'item' ? t('itemPassedYes') : t('passedYes')}</Radio>
              <Radio value={false}>{kind === 'item' ? t('itemPassedNo') : t('passedNo')}</Radio>
            </Radio.Group>
          </Form.Item>
        );
      case 'deadline':
      case 'requestedDueAt':
      case 'dueAt': {
        const current = kind === 'task' ? (card as TaskCard).stageDueAt : (card as BoardItemCard).dueAt;
        const help =
          name === 'deadline'
            ? fillIn(t('planDeadlineHint'), { date: day((card as TaskCard).dueAt) })
            : name === 'requestedDueAt' && current
              ? fillIn(t('currentDue'), { date: day(current) })
              : hint;
        return (
          <Form.Item key={name} name={name} label={`${label}${optional}`} extra={help} rules={field.required === true ? [requiredRule(field, true)] : []}>
            <DatePicker style={{ width: '100%' }} format="YYYY-MM-DD" disabledDate={(d: Dayjs) => d.isBefore(dayjs(), 'day')} placeholder="YYYY-MM-DD" />
          </Form.Item>
        );
      }
      case 'scores': {
        const criteria = taskData?.indicator.criteria ?? [];
        if (taskData && criteria.length === 0) return <Alert key={name} type="warning" showIcon title={t('noCriteria')} />;
        return (
          <fieldset key={name} className="action-scores">
            <legend>{label}</legend>
            <Typography.Paragraph type="secondary" className="action-help">
              {t('scoresHelp')}
            </Typography.Paragraph>
            {criteria.map((c) => (
              <Form.Item
                key={c.code}
                name={['scores', c.code]}
                label={`${c.code} ${c.content}（${fillIn(t('points'), { points: c.points })}）`}
                extra={c.deductionRule || undefined}
                rules={[{ required: true, type: 'number', min: 0, max: c.points, message: fillIn(t('scoreRange'), { points: c.points }) }]}
              >
                <InputNumber min={0} max={c.points} step={0.5} style={{ width: 140 }} inputMode="decimal" />
              </Form.Item>
            ))}
          </fieldset>
        );
      }
      case 'unitCode': {
        const current = kind === 'task' ? (card as TaskCard).unit.code : (card as BoardItemCard).unit?.code;
        const options = (units ?? []).filter((u) => !(action === 'REASSIGN' && u.code === current)).map((u) => ({ value: u.code, label: u.name }));
        return (
          <Form.Item key={name} name={name} label={label} rules={[requiredRule(field, true)]} extra={action === 'REASSIGN' ? fillIn(t('reassignFrom'), { unit: (card as TaskCard).unit.name }) : undefined}>
            <Select showSearch={{ optionFilterProp: 'label' }} placeholder={t('choose')} options={options} />
          </Form.Item>
        );
      }
      case 'materialCode':
        return (
          <Form.Item key={name} name={name} label={label} rules={[requiredRule(field, true)]} extra={taskData && materials.length === 0 ? t('materialsNone') : undefined}>
            <Select
              placeholder={t('choose')}
              options={materials.map((m) => ({ value: m.code, label: `${m.name}（${m.statusLabel}${m.returnReason ? `：${m.returnReason}` : ''}）` }))}
            />
          </Form.Item>
        );
      case 'file':
        return <FileField key={name} field={field} label={label} evidence={action === 'SUBMIT_ARCHIVE_MATERIAL' ? (taskData?.evidence ?? []) : null} />;
      case 'photos':
        return (
          <Form.Item
            key={name}
            name={name}
            label={label}
            valuePropName="fileList"
            getValueFromEvent={(e: { fileList: UploadFile[] }) => e.fileList}
            extra={t('photoTypes')}
            rules={[{ required: true, type: 'array', min: 1, message: fillIn(t('requiredFile'), { label }) }]}
          >
            <Upload beforeUpload={() => false} multiple accept={`image/*,${PHOTO_TYPES.join(',')}`} listType="text">
              <Button icon={<UploadOutlined />}>{t('takePhoto')}</Button>
            </Upload>
          </Form.Item>
        );
      default: {
        // note, reason, plan, text
        const rules: object[] = [];
        if (field.required === true) rules.push({ required: true, whitespace: true, message: fillIn(t('required'), { label }) });
        if (field.required === 'whenFailed') {
          rules.push(({ getFieldValue }: { getFieldValue(name: string): unknown }) => ({
            validator: (_: unknown, value: string | undefined) => (getFieldValue('passed') === false && !value?.trim() ? Promise.reject(new Error(t('failedNoteRequired'))) : Promise.resolve()),
          }));
        }
        return (
          <Form.Item key={name} name={name} label={`${label}${field.required === false ? optional : ''}`} rules={rules} dependencies={field.required === 'whenFailed' ? ['passed'] : undefined}>
            <Input.TextArea rows={name === 'plan' ? 5 : 3} maxLength={2000} showCount />
          </Form.Item>
        );
      }
    }
  };

  const subject = kind === 'task' ? `${(card as TaskCard).indicator.code} ${(card as TaskCard).indicator.name} · ${(card as TaskCard).unit.name}` : (card as BoardItemCard).description;
  return (
    <div ref={bodyRef} className="action-form">
      <Typography.Paragraph className="action-subject">
        <Typography.Text type="secondary">{t('card')}：</Typography.Text>
        {subject}
      </Typography.Paragraph>
      {loadError && <Alert type="error" showIcon title={loadError} role="alert" className="action-alert" />}
      <Spin spinning={loading} tip={t('loading')}>
        <Form form={form} layout="vertical" name={`action-${action}`} initialValues={initial} onFinish={(raw) => void finish(raw as Record<string, unknown>)} requiredMark>
          {spec.fields.map(renderField)}
        </Form>
      </Spin>
      {formError && <Alert type="error" showIcon title={formError} role="alert" className="action-alert" data-testid="action-error" />}
    </div>
  );
}

function FileField({ field, label, evidence }: { field: FieldSpec; label: string; evidence: { sha256: string; name: string }[] | null }) {
  const t = useWords(ACTION_WORDS);
  const upload = (
    <Form.Item
      name="file"
      label={evidence ? undefined : label}
      valuePropName="fileList"
      getValueFromEvent={(e: { fileList: UploadFile[] }) => e.fileList.slice(-1)}
      extra={t('fileTypes')}
      rules={[{ required: field.required === true, type: 'array', min: 1, message: fillIn(t('requiredFile'), { label }) }]}
    >
      <Upload beforeUpload={() => false} maxCount={1} accept={EVIDENCE_TYPES.join(',')}>
        <Button icon={<UploadOutlined />}>{t('chooseFile')}</Button>
      </Upload>
    </Form.Item>
  );
  if (!evidence) return upload;
  return (
    <fieldset className="action-file">
      <legend>{label}</legend>
      <Form.Item name="fileSource" label={t('fileSource')}>
        <Radio.Group>
          <Radio value="upload">{t('uploadNew')}</Radio>
          <Radio value="evidence" disabled={evidence.length === 0}>
            {t('useEvidence')}
          </Radio>
        </Radio.Group>
      </Form.Item>
      <Form.Item noStyle dependencies={['fileSource']}>
        {({ getFieldValue }) =>
          getFieldValue('fileSource') === 'evidence' ? (
            <Form.Item name="evidence" label={t('useEvidence')} rules={[{ required: true, message: fillIn(t('requiredChoice'), { label }) }]}>
              <Select placeholder={t('choose')} options={evidence.map((e) => ({ value: e.sha256, label: e.name }))} notFoundContent={t('noEvidence')} />
            </Form.Item>
          ) : (
            upload
          )
        }
      </Form.Item>
    </fieldset>
  );
}

/** The form's raw values as the action takes them: days as YYYY-MM-DD, scores as a list, files read. */
async function valuesFrom(raw: Record<string, unknown>, spec: ActionSpec, taskData: TaskFormDataQuery['indicatorTask'] | null, locale: 'zh' | 'en'): Promise<ActionValues> {
  const values: ActionValues = {};
  for (const field of spec.fields) {
    const value = raw[field.name];
    switch (field.name) {
      case 'deadline':
      case 'requestedDueAt':
      case 'dueAt':
        if (value) values[field.name] = (value as Dayjs).format('YYYY-MM-DD');
        break;
      case 'scores': {
        const scores = (value ?? {}) as Record<string, number>;
        values.scores = (taskData?.indicator.criteria ?? []).map((c) => ({ criterionCode: c.code, score: Number(scores[c.code]) }));
        break;
      }
      case 'file':
        if (raw.fileSource === 'evidence' && typeof raw.evidence === 'string') values.file = { evidenceSha256: raw.evidence };
        else {
          const file = (value as UploadFile[] | undefined)?.[0]?.originFileObj;
          if (file) values.file = await readEvidence(file, locale);
        }
        break;
      case 'photos': {
        const files = ((value as UploadFile[] | undefined) ?? []).map((f) => f.originFileObj).filter((f): f is NonNullable<typeof f> => !!f);
        values.photos = await readPhotos(files, locale);
        break;
      }
      case 'passed':
        values.passed = value as boolean;
        break;
      default:
        if (typeof value === 'string') values[field.name] = value;
    }
  }
  return values;
}
