// 上报问题: a supervisor in the street photographs a problem, says where it is (typed, and the phone's position when
// it may be read), picks the area, describes it and, if known, the unit to fix it; the API makes it a
// rectification item, or merges it into the open item of the same place and area. Made for a phone held in one
// hand: one column, large touch targets, photos shrunk before they are sent.
import { useEffect, useMemo, useRef, useState } from 'react';
import { Alert, Button, Descriptions, Form, Input, Radio, Result, Select, Space, Spin, Typography } from 'antd';
import { AimOutlined, CameraOutlined, CloseOutlined, PictureOutlined, PlusOutlined } from '@ant-design/icons';
import { ApiError, gql } from '../api/client';
import { useI18n } from '../i18n';
import { AREA_LABELS } from '../i18n/labels';
import { useMe } from '../session/session';
import type { Route } from '../shell/navigation';
import { everyCard } from '../api/board-pages';
import { REPORT_ITEM, REPORT_UNIT_PAGES, REPORT_UNITS_ORGANISATION } from './documents';
import { MAX_PHOTOS, MAX_SIDE, PhotoError, preparePhoto, releasePhoto, sizeLabel, uploadPhotos, type Photo } from './photos';
import './report.css';
import type { ReportItemMutation, ReportUnitsOrganisationQuery } from '../api/graphql.generated';

const WORDS = {
  title: { zh: '上报问题', en: 'Report a problem' },
  intro: { zh: '现场拍照、填写地址和问题，提交后生成整改问题；同一地点、同一领域已有未销号的问题时自动合并。', en: 'Photograph the problem, say where and what it is: it becomes a rectification item, or is merged into the open item of the same place and area.' },
  photos: { zh: '现场照片', en: 'Photos' },
  takePhoto: { zh: '拍照', en: 'Take a photo' },
  choosePhoto: { zh: '从相册选择', en: 'Choose photos' },
  photoHint: { zh: '可拍多张（最多 {max} 张）；大照片会先压缩到 {side} 像素以内再上传。', en: 'Several allowed (at most {max}); large photos are shrunk to {side} pixels before sending.' },
  processing: { zh: '正在处理照片…', en: 'Preparing photos…' },
  photoUnreadable: { zh: '无法读取照片「{name}」，请重拍或改用 JPG 格式', en: 'Cannot read the photo “{name}”: take it again or use JPG' },
  tooManyPhotos: { zh: '照片最多 {max} 张，多出的未添加', en: 'At most {max} photos: the rest were not added' },
  removePhoto: { zh: '删除照片 {n}', en: 'Remove photo {n}' },
  address: { zh: '问题地址', en: 'Address' },
  addressPlaceholder: { zh: '如：外滩路 12 号东门、滨江大道与中山路路口', en: 'e.g. east gate of No. 12 Waitan Road' },
  addressRequired: { zh: '请填写问题所在地址', en: 'Enter the address of the problem' },
  locate: { zh: '使用当前位置', en: 'Use my location' },
  locating: { zh: '正在定位…', en: 'Locating…' },
  located: { zh: '已记录位置：纬度 {lat}，经度 {lng}（误差约 {acc} 米）', en: 'Location recorded: {lat}, {lng} (within about {acc} m)' },
  clearLocation: { zh: '不记录位置', en: 'Clear location' },
  locationDenied: { zh: '未获准读取位置。可在浏览器设置中允许定位，或只填写地址。', en: 'Permission to read the location was refused. Allow it in the browser settings, or give the address only.' },
  locationUnavailable: { zh: '暂时无法获取位置（信号弱或定位未开启），请只填写地址。', en: 'The location is not available right now: give the address only.' },
  locationTimeout: { zh: '定位超时，请重试或只填写地址。', en: 'Locating took too long: try again or give the address only.' },
  locationUnsupported: { zh: '此浏览器或此网址（非 HTTPS）不能定位，请只填写地址。', en: 'This browser or address (not HTTPS) cannot locate: give the address only.' },
  area: { zh: '专项整治领域', en: 'Rectification area' },
  areaRequired: { zh: '请选择专项整治领域', en: 'Choose the area' },
  source: { zh: '问题来源', en: 'Source' },
  description: { zh: '问题描述', en: 'Description' },
  descriptionPlaceholder: { zh: '如：垃圾桶满溢，周边散落垃圾', en: 'e.g. overflowing bins, litter around them' },
  descriptionRequired: { zh: '请填写问题描述', en: 'Describe the problem' },
  unit: { zh: '派给责任单位（可不选）', en: 'Dispatch to a unit (optional)' },
  unitPlaceholder: { zh: '不选则由督查组、创建办在看板上派单', en: 'Leave empty to dispatch later from the board' },
  noUnits: { zh: '暂无单位列表', en: 'No units listed' },
  submit: { zh: '提交上报', en: 'Submit' },
  reported: { zh: '已上报，已生成整改问题', en: 'Reported: a rectification item was created' },
  merged: { zh: '已存在相同问题，已合并', en: 'The same problem is already open: merged' },
  mergedDetail: { zh: '该地点、该领域已有未销号的整改问题，本次上报的照片和说明已记入该问题（累计重复上报 {n} 次）。', en: 'An open item of this place and area exists; this report’s photos and note were added to it ({n} repeated reports so far).' },
  itemId: { zh: '整改问题编号', en: 'Item' },
  state: { zh: '状态', en: 'State' },
  dispatchedTo: { zh: '责任单位', en: 'Unit' },
  notDispatched: { zh: '未派单', en: 'Not dispatched' },
  dueAt: { zh: '整改时限', en: 'Due' },
  photoCount: { zh: '照片', en: 'Photos' },
  photoCountValue: { zh: '{n} 张', en: '{n}' },
  another: { zh: '继续上报', en: 'Report another' },
  failed: { zh: '上报失败', en: 'Could not report' },
};

const AREAS = ['SANITATION', 'CITY_APPEARANCE', 'TRAFFIC_ORDER', 'MARKETS', 'PUBLIC_SECURITY', 'SERVICE_WINDOWS'] as const;
const AREA_EN: Record<string, string> = {
  TRAFFIC_ORDER: 'Traffic order',
  CITY_APPEARANCE: 'City appearance',
  PUBLIC_SECURITY: 'Public security',
  SANITATION: 'Sanitation',
  MARKETS: 'Markets',
  SERVICE_WINDOWS: 'Service windows',
};
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

type ReportedItem = ReportItemMutation['reportItem']['item'];

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
    const load =
      me.role === 'OFFICE' || me.role === 'LEADER'
        ? gql<ReportUnitsOrganisationQuery>(REPORT_UNITS_ORGANISATION).then((d) => d.organisation.units)
        : everyCard<{ unit: { code: string; name: string } }>(REPORT_UNIT_PAGES).then((d) => {
            const byCode = new Map(d.nodes.map((card) => [card.unit.code, card.unit]));
            return [...byCode.values()].sort((a, b) => a.code.localeCompare(b.code));
          });
    // Without the list the unit stays optional: the item is dispatched later from the board.
    load.then((list) => live && setUnits(list)).catch(() => undefined);
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
    const room = MAX_PHOTOS - already;
    const taken = chosen.slice(0, Math.max(0, room));
    const problems: string[] = [];
    if (chosen.length > taken.length) problems.push(fill(w('tooManyPhotos'), { max: MAX_PHOTOS }));
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
      const data = await gql<ReportItemMutation>(REPORT_ITEM, {
        input: {
          source: values.source,
          area: values.area,
          location: { address: values.address.trim(), latitude: position ? round(position.latitude) : null, longitude: position ? round(position.longitude) : null },
          description: values.description.trim(),
          photos: await uploadPhotos(photos),
          unitCode: values.unitCode || null,
        },
      });
      setResult(data.reportItem);
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
            <Descriptions.Item label={w('area')}>{item.area ? (locale === 'zh' ? AREA_LABELS[item.area] : AREA_EN[item.area]) : '—'}</Descriptions.Item>
            <Descriptions.Item label={w('source')}>{item.sourceLabel}</Descriptions.Item>
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

  const position = locating.kind === 'located' ? locating.position : null;
  return (
    <div className="report">
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {w('title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{w('intro')}</Typography.Paragraph>
      <Form<Values>
        form={form}
        layout="vertical"
        size="large"
        requiredMark
        initialValues={{ source: 'SUPERVISION' }}
        onFinish={(values) => void submit(values)}
        aria-label={w('title')}
        scrollToFirstError
      >
        <Form.Item label={w('photos')} validateStatus={photoError ? 'error' : undefined} help={photoError ?? fill(w('photoHint'), { max: MAX_PHOTOS, side: MAX_SIDE })}>
          <div className="report-photo-buttons">
            <Button icon={<CameraOutlined />} onClick={() => camera.current?.click()} disabled={photos.length >= MAX_PHOTOS}>
              {w('takePhoto')}
            </Button>
            <Button icon={<PictureOutlined />} onClick={() => gallery.current?.click()} disabled={photos.length >= MAX_PHOTOS}>
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
          <Radio.Group optionType="button" buttonStyle="solid" className="report-areas" options={AREAS.map((a) => ({ value: a, label: locale === 'zh' ? AREA_LABELS[a] : AREA_EN[a] }))} />
        </Form.Item>

        <Form.Item label={w('source')} name="source" rules={[{ required: true }]}>
          <Select options={Object.entries(SOURCES).map(([value, label]) => ({ value, label: label[locale] }))} />
        </Form.Item>

        <Form.Item label={w('description')} name="description" rules={[{ required: true, whitespace: true, message: w('descriptionRequired') }]}>
          <Input.TextArea rows={4} maxLength={2000} showCount placeholder={w('descriptionPlaceholder')} />
        </Form.Item>

        <Form.Item label={w('unit')} name="unitCode">
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
