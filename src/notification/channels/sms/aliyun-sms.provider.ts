// 阿里云短信 (Dysmsapi SendSms, API version 2017-05-25) over its documented RPC-style HTTP API: the parameters signed
// with HMAC-SHA1 of the canonicalised query ("signature version 1.0"), sent as a form POST; the answer's Code is
// "OK" on success. Throttling and the provider's own faults are retried; a refused number, template or signature is
// not.
import { createHmac, randomUUID } from 'node:crypto';
import type { AliyunSmsConfig } from '../../../platform/config/robot-sms.config';
import { channelRequest, jsonOf } from '../channel-http';
import { PermanentDeliveryError } from '../notification-channel';
import type { SmsProvider, SmsRequest } from './sms-provider';

/** Codes that mean "not now": the flow control of one number or the account, or a fault of the service. */
const RETRYABLE_CODES: ReadonlySet<string> = new Set(['isv.BUSINESS_LIMIT_CONTROL', 'isp.SYSTEM_ERROR', 'isp.RAM_PERMISSION_DENY', 'Throttling.User', 'Throttling', 'ServiceUnavailable', 'InternalError']);

/** Percent-encoding of the RPC signature: RFC 3986 unreserved characters kept, everything else as %XX. */
export function percentEncode(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** The Signature of an RPC request: Base64 of HMAC-SHA1 over METHOD&%2F&encoded(sorted query), keyed by secret + "&". */
export function aliyunRpcSignature(method: 'GET' | 'POST', params: Record<string, string>, accessKeySecret: string): string {
  const canonical = Object.keys(params)
    .filter((k) => k !== 'Signature')
    .sort()
    .map((k) => `${percentEncode(k)}=${percentEncode(params[k])}`)
    .join('&');
  const stringToSign = `${method}&${percentEncode('/')}&${percentEncode(canonical)}`;
  return createHmac('sha1', `${accessKeySecret}&`).update(stringToSign).digest('base64');
}

export class AliyunSmsProvider implements SmsProvider {
  readonly name = 'aliyun';

  constructor(
    private readonly config: AliyunSmsConfig,
    private readonly clock: { now: () => Date; nonce: () => string } = { now: () => new Date(), nonce: randomUUID },
  ) {}

  async send(request: SmsRequest): Promise<void> {
    const params: Record<string, string> = {
      AccessKeyId: this.config.accessKeyId,
      Action: 'SendSms',
      Format: 'JSON',
      OutId: request.outId,
      PhoneNumbers: request.phone,
      RegionId: 'cn-hangzhou',
      SignName: this.config.signName,
      SignatureMethod: 'HMAC-SHA1',
      SignatureNonce: this.clock.nonce(),
      SignatureVersion: '1.0',
      TemplateCode: this.config.templateCode,
      TemplateParam: JSON.stringify(request.params),
      Timestamp: this.clock.now().toISOString().replace(/\.\d{3}Z$/, 'Z'),
      Version: '2017-05-25',
    };
    params.Signature = aliyunRpcSignature('POST', params, this.config.accessKeySecret);
    const body = Object.entries(params)
      .map(([k, v]) => `${percentEncode(k)}=${percentEncode(v)}`)
      .join('&');
    const url = this.config.endpoint.endsWith('/') ? this.config.endpoint : `${this.config.endpoint}/`;
    let response;
    try {
      response = await channelRequest('阿里云短信', url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' }, body });
    } catch (err) {
      // A 4xx of the RPC API carries the reason as JSON: throttling is still worth trying again.
      if (err instanceof PermanentDeliveryError && [...RETRYABLE_CODES].some((code) => err.message.includes(`"${code}"`))) throw new Error(err.message, { cause: err });
      throw err;
    }
    const answer = jsonOf(response.body);
    const code = typeof answer?.Code === 'string' ? answer.Code : null;
    if (code === 'OK') return;
    const detail = `阿里云短信返回 ${code ?? '（无 Code）'}：${String(answer?.Message ?? response.body).slice(0, 200)}`;
    if (code !== null && RETRYABLE_CODES.has(code)) throw new Error(detail);
    throw new PermanentDeliveryError(detail);
  }
}
