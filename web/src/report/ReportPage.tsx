// 上报问题: a supervisor in the street photographs a problem, says where it is (typed, and the phone's position when
// it may be read), picks the area, describes it and, if known, the unit to fix it; the API makes it a
// rectification item, or merges it into the open item of the same place and area. Made for a phone held in one
// hand: one column, large touch targets, photos shrunk before they are sent.
import { useEffect, useMemo, useRef, useState } from 'react';
import { Alert, Button, Descriptions, Form, Input, Radio, Result, Select, Space, Spin, Typography } from 'antd';
import { AimOutlined, CameraOutlined, CloseOutlined, PictureOutlined, PlusOutlined } from '@ant-design/icons';
import { ApiError, gql } from '../api/client';
import { useI18n } from '../i18n';
import { AREA_WORDS } from '../i18n/board';
import { useMe } from '../session/session';
import type { Route } from '../shell/navigation';
import { LOCAL_REPORTER, REPORT_ITEM, REPORT_LOCAL_PROBLEM } from './documents';
import { UNITS } from '../api/documents';
import { MAX_PHOTOS, MAX_SIDE, PhotoError, preparePhoto, releasePhoto, sizeLabel, uploadPhotos, type Photo } from './photos';
import './report.css';
import type { LocalReporterQuery, ReportItemMutation, ReportLocalProblemMutation, UnitsQuery } from '../api/graphql.generated';
import { REPORT_WORDS as WORDS } from '../i18n/report';

const AREAS = ['SANITATION', 'CITY_APPEARANCE', 'TRAFFIC_ORDER', 'MARKETS', 'PUBLIC_SECURITY', 'SERVICE_WINDOWS'] as const;
const SOURCES: Record<string, { zh: string; en: string }> = {
  SUPERVISION: { zh: '督查', en: 'Supervision' },
  OPEN_INSPECTION: { zh: '明察', en: 'Open inspection' },
  COVERT_INSPECTION: { zh: '暗访', en: 'Covert inspection' },
  MOCK_ASSESSMENT: { zh: '模拟测评', en: 'Mock assessment' },
  LEADER_VISIT: { zh: '领导现场办公', en: 'Leader’s site visit' },
  CITIZEN_REPORT: { zh: '群众反映', en: 'Citizen report' },
};

interface Values {
  address: string;
  area: string;
  source: string;
  description: string;
  unitCode?: string;
}

type ReportedItem = ReportItemMutation['reportItem']['item'] & { reportingUnit?: { name: string } | null };
/** 属地上报's limits (the API's, src/local-report/local-report.service.ts). */
const LOCAL_MAX_PHOTOS = 9;
const LOCAL_DESCRIPTION_MAX = 1000;

/** A unit person reports their own area (属地上报): whether their unit is a community or village, once known. */
function useLocalReporter(local: boolean): boolean | null {
  const [allowed, setAllowed] = useState<boolean | null>(null);
  useEffect(() => {
    if (!local) return;
    let live = true;
    gql<LocalReporterQuery>(LOCAL_REPORTER)
      .then((d) => live && setAllowed(d.me.unit?.kind === 'COMMUNITY' || d.me.unit?.kind === 'VILLAGE'))
      .catch(() => live && setAllowed(false));
    return () => {
      live = false;
    };
  }, [local]);
  return allowed;
}

type Position = { latitude: number; longitude: number; accuracy: number };
type Locating = { kind: 'idle' } | { kind: 'locating' } | { kind: 'located'; position: Position } | { kind: 'failed'; message: string };

/** Where the API's field names land in this form. */
const FORM_FIELDS: Record<string, keyof Values> = {
  'location.address': 'address',
  address: 'address',
  area: 'area',
  source: 'source',
  description: 'description',
  unitCode: 'unitCode',
  dueAt: 'unitCode',
};
const PHOTO_FIELDS = ['photos', 'fileName', 'file'];
const LOCATION_FIELDS = ['location', 'location.latitude', 'location.longitude'];

function fill(text: string, values: Record<string, string | number>): string {
  return text.replace(/\{(\w+)\}/g, (_, k: string) => String(values[k] ?? ''));
}

function useUnits(): { code: string; name: string }[] {
  const me = useMe();
  const [units, setUnits] = useState<{ code: string; name: string }[]>([]);
  useEffect(() => {
    let live = true;
    // Without the list the unit stays optional: the item is dispatched later from the board.
    gql<UnitsQuery>(UNITS)
      .then((d) => live && setUnits(d.units))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [me.role]);
  return units;
}

export default function ReportPage(_props: { route: Route }) {
  const { locale } = useI18n();
  const w = useMemo(() => (key: keyof typeof WORDS) => WORDS[key][locale], [locale]);
  const [form] = Form.useForm<Values>();
  const units = useUnits();
  const me = useMe();
  // The people of a community or village report their own area (属地上报): no source, no unit to choose.
  const local = me.role === 'UNIT_HEAD' || me.role === 'UNIT_MEMBER';
  const localAllowed = useLocalReporter(local);
  const maxPhotos = local ? LOCAL_MAX_PHOTOS : MAX_PHOTOS;
  const [photos, setPhotos] = useState<Photo[]>([]);
  const [photoError, setPhotoError] = useState<string | null>(null);
  const [preparing, setPreparing] = useState(0);
  const [locating, setLocating] = useState<Locating>({ kind: 'idle' });
  const [locationError, setLocationError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<{ item: ReportedItem; duplicate: boolean } | null>(null);
  const camera = useRef<HTMLInputElement>(null);
  const gallery = useRef<HTMLInputElement>(null);
  const photosRef = useRef(photos);
  useEffect(() => {
    photosRef.current = photos;
  }, [photos]);

  // Previews are object URLs: let them go with the page.
  useEffect(() => () => photosRef.current.forEach(releasePhoto), []);

  async function addPhotos(files: FileList | null) {
    const chosen = files ? [...files] : [];
    if (chosen.length === 0) return;
    setPhotoError(null);
    const already = photos.length;
    const room = maxPhotos - already;
    const taken = chosen.slice(0, Math.max(0, room));
    const problems: string[] = [];
    if (chosen.length > taken.length) problems.push(fill(w('tooManyPhotos'), { max: maxPhotos }));
    setPreparing((n) => n + taken.length);
    for (const [i, file] of taken.entries()) {
      try {
        const photo = await preparePhoto(file, already + i);
        setPhotos((list) => [...list, photo]);
      } catch (err) {
        if (!(err instanceof PhotoError)) console.error(err);
        problems.push(fill(w('photoUnreadable'), { name: file.name }));
      } finally {
        setPreparing((n) => n - 1);
      }
    }
    if (problems.length) setPhotoError(problems.join('；'));
  }

  function removePhoto(photo: Photo) {
    releasePhoto(photo);
    setPhotos((list) => list.filter((p) => p.key !== photo.key));
  }

  function locate() {
    setLocationError(null);
    if (!('geolocation' in navigator) || !window.isSecureContext) {
      setLocating({ kind: 'failed', message: w('locationUnsupported') });
      return;
    }
    setLocating({ kind: 'locating' });
    navigator.geolocation.getCurrentPosition(
      (p) => setLocating({ kind: 'located', position: { latitude: p.coords.latitude, longitude: p.coords.longitude, accuracy: p.coords.accuracy } }),
      (err) => {
        const message = err.code === err.PERMISSION_DENIED ? w('locationDenied') : err.code === err.TIMEOUT ? w('locationTimeout') : w('locationUnavailable');
        setLocating({ kind: 'failed', message });
      },
      { enableHighAccuracy: true, timeout: 20_000, maximumAge: 60_000 },
    );
  }

  async function submit(values: Values) {
    setSubmitting(true);
    setError(null);
    setPhotoError(null);
    setLocationError(null);
    const position = locating.kind === 'located' ? locating.position : null;
    const round = (n: number) => Math.round(n * 1e6) / 1e6;
    try {
      const problem = {
        area: values.area,
        location: { address: values.address.trim(), latitude: position ? round(position.latitude) : null, longitude: position ? round(position.longitude) : null },
        description: values.description.trim(),
        photos: await uploadPhotos(photos),
      };
      if (local) {
        const data = await gql<ReportLocalProblemMutation>(REPORT_LOCAL_PROBLEM, { input: problem });
        setResult(data.reportLocalProblem);
      } else {
        const data = await gql<ReportItemMutation>(REPORT_ITEM, { input: { ...problem, source: values.source, unitCode: values.unitCode || null } });
        setResult(data.reportItem);
      }
      window.scrollTo({ top: 0 });
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      const field = err instanceof ApiError ? err.field : null;
      if (field && FORM_FIELDS[field]) {
        form.setFields([{ name: FORM_FIELDS[field], errors: [message] }]);
        form.scrollToField(FORM_FIELDS[field]);
      } else if (field && PHOTO_FIELDS.includes(field)) {
        setPhotoError(message);
      } else if (field && LOCATION_FIELDS.includes(field)) {
        setLocationError(message);
      } else {
        setError(message);
      }
    } finally {
      setSubmitting(false);
    }
  }

  function another() {
    photos.forEach(releasePhoto);
    setPhotos([]);
    setPhotoError(null);
    setLocating({ kind: 'idle' });
    setLocationError(null);
    setError(null);
    setResult(null);
    form.resetFields();
    window.scrollTo({ top: 0 });
  }

  if (result) {
    const { item, duplicate } = result;
    return (
      <div className="report">
        <Result
          status={duplicate ? 'info' : 'success'}
          title={<span data-testid="report-result">{duplicate ? w('merged') : w('reported')}</span>}
          subTitle={duplicate ? fill(w('mergedDetail'), { n: item.duplicateReports }) : undefined}
          extra={
            <Button type="primary" size="large" block icon={<PlusOutlined />} onClick={another}>
              {w('another')}
            </Button>
          }
        >
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label={w('itemId')}>
              <span data-testid="report-item-id" className="report-item-id">{item.id}</span>
            </Descriptions.Item>
            <Descriptions.Item label={w('state')}>{item.stateLabel}</Descriptions.Item>
            <Descriptions.Item label={w('area')}>{item.area ? AREA_WORDS[item.area]?.[locale] : '—'}</Descriptions.Item>
            <Descriptions.Item label={w('source')}>{item.sourceLabel}</Descriptions.Item>
            {item.reportingUnit && <Descriptions.Item label={w('reportingUnit')}>{item.reportingUnit.name}</Descriptions.Item>}
            <Descriptions.Item label={w('address')}>{item.location.address}</Descriptions.Item>
            <Descriptions.Item label={w('description')}>{item.description}</Descriptions.Item>
            <Descriptions.Item label={w('dispatchedTo')}>{item.unit?.name ?? w('notDispatched')}</Descriptions.Item>
            {item.dueAt && <Descriptions.Item label={w('dueAt')}>{new Date(item.dueAt).toLocaleString(locale === 'zh' ? 'zh-CN' : 'en')}</Descriptions.Item>}
            <Descriptions.Item label={w('photoCount')}>{fill(w('photoCountValue'), { n: item.photos.length })}</Descriptions.Item>
          </Descriptions>
        </Result>
      </div>
    );
  }

  if (local && localAllowed === false) {
    return (
      <div className="report">
        <Result status="info" title={w('localTitle')} subTitle={<span data-testid="local-not-allowed">{w('localNotAllowed')}</span>} />
      </div>
    );
  }

  const position = locating.kind === 'located' ? locating.position : null;
  return (
    <div className="report">
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {local ? w('localTitle') : w('title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{local ? w('localIntro') : w('intro')}</Typography.Paragraph>
      <Form<Values>
        form={form}
        layout="vertical"
        size="large"
        requiredMark
        initialValues={{ source: 'SUPERVISION' }}
        onFinish={(values) => void submit(values)}
        aria-label={local ? w('localTitle') : w('title')}
        scrollToFirstError
      >
        <Form.Item label={w('photos')} validateStatus={photoError ? 'error' : undefined} help={photoError ?? fill(w('photoHint'), { max: maxPhotos, side: MAX_SIDE })}>
          <div className="report-photo-buttons">
            <Button icon={<CameraOutlined />} onClick={() => camera.current?.click()} disabled={photos.length >= maxPhotos}>
              {w('takePhoto')}
            </Button>
            <Button icon={<PictureOutlined />} onClick={() => gallery.current?.click()} disabled={photos.length >= maxPhotos}>
              {w('choosePhoto')}
            </Button>
          </div>
          <input
            ref={camera}
            className="report-file"
            type="file"
            accept="image/*"
            capture="environment"
            multiple
            aria-label={w('takePhoto')}
            data-testid="photo-camera"
            onChange={(e) => {
              void addPhotos(e.target.files);
              e.target.value = '';
            }}
          />
          <input
            ref={gallery}
            className="report-file"
            type="file"
            accept="image/jpeg,image/png,image/webp,image/*"
            multiple
            aria-label={w('choosePhoto')}
            onChange={(e) => {
              void addPhotos(e.target.files);
              e.target.value = '';
            }}
          />
          {(photos.length > 0 || preparing > 0) && (
            <ul className="report-previews" aria-label={w('photos')}>
              {photos.map((photo, i) => (
                <li key={photo.key} className="report-preview">
                  <img src={photo.previewUrl} alt={photo.fileName} />
                  <span className="report-preview-size">{sizeLabel(photo.bytes)}</span>
                  <Button
                    className="report-preview-remove"
                    shape="circle"
                    size="middle"
                    icon={<CloseOutlined />}
                    aria-label={fill(w('removePhoto'), { n: i + 1 })}
                    onClick={() => removePhoto(photo)}
                  />
                </li>
              ))}
              {preparing > 0 && (
                <li className="report-preview report-preparing">
                  <Spin tip={w('processing')}>
                    <div style={{ width: 96, height: 96 }} />
                  </Spin>
                </li>
              )}
            </ul>
          )}
        </Form.Item>

        <Form.Item
          label={w('address')}
          name="address"
          rules={[{ required: true, whitespace: true, message: w('addressRequired') }]}
          extra={
            <div className="report-location">
              <Space wrap>
                <Button icon={<AimOutlined />} onClick={locate} loading={locating.kind === 'locating'}>
                  {locating.kind === 'locating' ? w('locating') : w('locate')}
                </Button>
                {position && (
                  <Button type="link" onClick={() => setLocating({ kind: 'idle' })}>
                    {w('clearLocation')}
                  </Button>
                )}
              </Space>
              {position && (
                <Typography.Text type="success" data-testid="report-position" className="report-location-text">
                  {fill(w('located'), { lat: position.latitude.toFixed(6), lng: position.longitude.toFixed(6), acc: Math.round(position.accuracy) })}
                </Typography.Text>
              )}
              {locating.kind === 'failed' && <Alert type="warning" showIcon title={locating.message} className="report-location-text" />}
              {locationError && <Alert type="error" showIcon title={locationError} className="report-location-text" />}
            </div>
          }
        >
          <Input placeholder={w('addressPlaceholder')} maxLength={200} autoComplete="street-address" />
        </Form.Item>

        <Form.Item label={w('area')} name="area" rules={[{ required: true, message: w('areaRequired') }]}>
          <Radio.Group optionType="button" buttonStyle="solid" className="report-areas" options={AREAS.map((a) => ({ value: a, label: AREA_WORDS[a][locale] }))} />
        </Form.Item>

        {!local && (
          <Form.Item label={w('source')} name="source" rules={[{ required: true }]}>
            <Select options={Object.entries(SOURCES).map(([value, label]) => ({ value, label: label[locale] }))} />
          </Form.Item>
        )}

        <Form.Item label={w('description')} name="description" rules={[{ required: true, whitespace: true, message: w('descriptionRequired') }]}>
          <Input.TextArea rows={4} maxLength={local ? LOCAL_DESCRIPTION_MAX : 2000} showCount placeholder={w('descriptionPlaceholder')} />
        </Form.Item>

        <Form.Item label={w('unit')} name="unitCode" hidden={local}>
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={w('unitPlaceholder')}
            notFoundContent={w('noUnits')}
            options={units.map((u) => ({ value: u.code, label: u.name }))}
          />
        </Form.Item>

        {error && <Alert type="error" showIcon title={`${w('failed')}：${error}`} role="alert" style={{ marginBottom: 16 }} />}
        <Button type="primary" htmlType="submit" block loading={submitting} disabled={preparing > 0} className="report-submit">
          {w('submit')}
        </Button>
      </Form>
    </div>
  );
}
