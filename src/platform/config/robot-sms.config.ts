// The configuration of the 企业微信 / 钉钉 group robots and of SMS (issue 16), read with the rest at start-up
// (config.ts) and kept apart because it is long. A channel whose variables are unset is off.
import { z } from 'zod';

const optional = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === '' ? null : v.trim()));
const httpUrl = (what: string) =>
  optional.refine((v) => v === null || isHttpUrl(v), { message: `须为 http:// 或 https:// 开头的${what}地址 / must be an http(s) URL` });

const schema = z.object({
  // The office's default groups: people whose unit names no group of its own (the office, supervisors, leaders).
  WECOM_WEBHOOK_URL: httpUrl('企业微信群机器人 Webhook '),
  DINGTALK_WEBHOOK_URL: httpUrl('钉钉群机器人 Webhook '),
  DINGTALK_SECRET: optional.refine((v) => v === null || /^SEC[A-Za-z0-9]{16,128}$/.test(v), { message: '须为钉钉机器人「加签」的密钥（SEC 开头） / the SEC… signing secret' }),
  // Where the units' own robots are sent (their keys come from the organisation import): the official hosts unless a
  // district routes them through a proxy of its own.
  WECOM_API_BASE: httpUrl('企业微信接口').transform((v) => v ?? 'https://qyapi.weixin.qq.com'),
  DINGTALK_API_BASE: httpUrl('钉钉接口').transform((v) => v ?? 'https://oapi.dingtalk.com'),
  SMS_PROVIDER: z.enum(['aliyun'], { message: '目前支持 aliyun（阿里云短信） / only aliyun' }).optional(),
  ALIYUN_SMS_ENDPOINT: httpUrl('阿里云短信接口').transform((v) => v ?? 'https://dysmsapi.aliyuncs.com'),
  ALIYUN_ACCESS_KEY_ID: optional,
  ALIYUN_ACCESS_KEY_SECRET: optional,
  ALIYUN_SMS_SIGN_NAME: optional.refine((v) => v === null || v.length <= 32, { message: '短信签名不超过 32 个字 / at most 32 characters' }),
  ALIYUN_SMS_TEMPLATE_CODE: optional.refine((v) => v === null || /^SMS_\d{1,20}$/.test(v), { message: '须为阿里云短信模板编号，如 SMS_123456789 / an SMS_… template code' }),
});

export interface AliyunSmsConfig {
  provider: 'aliyun';
  endpoint: string;
  accessKeyId: string;
  accessKeySecret: string;
  signName: string;
  templateCode: string;
}

export interface RobotSmsConfig {
  wecom: { webhookUrl: string | null; apiBase: string };
  dingtalk: { webhookUrl: string | null; secret: string | null; apiBase: string };
  /** Null: SMS is off. */
  sms: AliyunSmsConfig | null;
}

export function isHttpUrl(value: string): boolean {
  if (value.length > 2_000) return false;
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.username === '' && url.password === '';
  } catch {
    return false;
  }
}

/** Reads the variables; the problems are added to `problems` (config.ts reports them all at once). */
export function loadRobotSmsConfig(env: Record<string, string | undefined>, problems: { variable: string; message: string }[]): RobotSmsConfig {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) problems.push({ variable: String(issue.path[0] ?? '?'), message: issue.message });
    return { wecom: { webhookUrl: null, apiBase: '' }, dingtalk: { webhookUrl: null, secret: null, apiBase: '' }, sms: null };
  }
  const e = parsed.data;
  let sms: AliyunSmsConfig | null = null;
  if (e.SMS_PROVIDER === 'aliyun') {
    const required = ['ALIYUN_ACCESS_KEY_ID', 'ALIYUN_ACCESS_KEY_SECRET', 'ALIYUN_SMS_SIGN_NAME', 'ALIYUN_SMS_TEMPLATE_CODE'] as const;
    const missing = required.filter((name) => e[name] === null);
    for (const name of missing) problems.push({ variable: name, message: 'SMS_PROVIDER=aliyun 时必须设置 / required with SMS_PROVIDER=aliyun' });
    if (missing.length === 0) {
      sms = {
        provider: 'aliyun',
        endpoint: e.ALIYUN_SMS_ENDPOINT,
        accessKeyId: e.ALIYUN_ACCESS_KEY_ID!,
        accessKeySecret: e.ALIYUN_ACCESS_KEY_SECRET!,
        signName: e.ALIYUN_SMS_SIGN_NAME!,
        templateCode: e.ALIYUN_SMS_TEMPLATE_CODE!,
      };
    }
  }
  if (e.DINGTALK_SECRET !== null && e.DINGTALK_WEBHOOK_URL === null) {
    problems.push({ variable: 'DINGTALK_SECRET', message: '须同时设置 DINGTALK_WEBHOOK_URL / requires DINGTALK_WEBHOOK_URL' });
  }
  return {
    wecom: { webhookUrl: e.WECOM_WEBHOOK_URL, apiBase: e.WECOM_API_BASE.replace(/\/+$/, '') },
    dingtalk: { webhookUrl: e.DINGTALK_WEBHOOK_URL, secret: e.DINGTALK_SECRET, apiBase: e.DINGTALK_API_BASE.replace(/\/+$/, '') },
    sms,
  };
}
