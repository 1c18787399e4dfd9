// The 企业微信 and 钉钉 group robots a unit may name in the organisation import (issue 16). A cell holds the
// robot's Webhook address as the group's settings show it, or just its key / access token; only the key is kept,
// and only the official hosts' addresses are accepted, so an imported file can never send the worker elsewhere.
// Every check is a length limit followed by a linear pattern.
import { oneLine } from '../platform/spreadsheet';

export type RobotKind = 'WECOM' | 'DINGTALK';

/** The official Webhook address each robot's settings page shows, and the query parameter that holds its key. */
export const ROBOT_WEBHOOKS: Record<RobotKind, { origin: string; path: string; param: string; label: string; example: string }> = {
  WECOM: { origin: 'https://qyapi.weixin.qq.com', path: '/cgi-bin/webhook/send', param: 'key', label: '企业微信群机器人', example: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…' },
  DINGTALK: { origin: 'https://oapi.dingtalk.com', path: '/robot/send', param: 'access_token', label: '钉钉群机器人', example: 'https://oapi.dingtalk.com/robot/send?access_token=…' },
};

/** Longer than any real address; checked before anything else looks at the text. */
const MAX_CELL = 512;
const KEY = /^[A-Za-z0-9_-]{8,128}$/;
const DINGTALK_SECRET = /^SEC[A-Za-z0-9]{16,128}$/;

export type Read = { ok: true; value: string } | { ok: false; message: string };

/** The robot's key from its Webhook address or the bare key. */
export function readRobotKey(kind: RobotKind, text: string): Read {
  const hook = ROBOT_WEBHOOKS[kind];
  const shown = oneLine(text).slice(0, 60);
  const wrong: Read = { ok: false, message: `${hook.label}「${shown}」不是有效的机器人地址。请从群设置的机器人详情中复制 Webhook 地址，例如 ${hook.example}` };
  if (text.length > MAX_CELL) return wrong;
  const value = text.trim();
  if (KEY.test(value)) return { ok: true, value };
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return wrong;
  }
  if (url.origin !== hook.origin || url.pathname !== hook.path || url.username !== '' || url.password !== '') {
    return { ok: false, message: `${hook.label}只能填写 ${hook.origin} 的 Webhook 地址（当前为「${shown}」），请从群设置的机器人详情中复制` };
  }
  const key = url.searchParams.get(hook.param);
  return key !== null && KEY.test(key) ? { ok: true, value: key } : wrong;
}

/** The 钉钉 robot's 加签 secret, as its security settings show it (SEC followed by letters and digits). */
export function readDingtalkSecret(text: string): Read {
  const value = text.length > MAX_CELL ? '' : text.trim();
  return DINGTALK_SECRET.test(value) ? { ok: true, value } : { ok: false, message: '钉钉加签密钥应以 SEC 开头，请从机器人安全设置的「加签」中复制' };
}
