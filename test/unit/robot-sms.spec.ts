// The pure parts of the 企业微信 / 钉钉 robots and 阿里云短信 (issue 16): the RPC signature against 阿里云's own
// documented examples, its percent-encoding, the robot cells of the organisation import (official hosts only, keys
// kept, hostile cells refused quickly), the unit columns end to end through planning, and the configuration.
import { parseOrganisationGrids } from '../../src/organisation/organisation.parser';
import { readDingtalkSecret, readRobotKey } from '../../src/organisation/organisation.robots';
import type { OrganisationReference } from '../../src/organisation/organisation.types';
import { diffOrganisation, planOrganisation } from '../../src/organisation/organisation.validator';
import { cutUtf8 } from '../../src/notification/channels/channel-http';
import { aliyunRpcSignature, percentEncode } from '../../src/notification/channels/sms/aliyun-sms.provider';
import { loadRobotSmsConfig } from '../../src/platform/config/robot-sms.config';
import { PEOPLE_HEADER } from '../support/catalog-fixtures';

const WECOM_KEY = '693a91f6-7xxx-4bc4-97a0-0ec2sifa5aaa';
const DINGTALK_TOKEN = 'f3b5c1d2e4a6b8c0d2e4f6a8b0c2d4e6f8a0b2c4d6e8f0a2b4c6d8e0f2a4b6c8';
const SECRET = 'SEC0123456789abcdef0123456789abcdef';

describe('阿里云 RPC signature', () => {
  it('gives the SendSms example of the 短信服务 documentation', () => {
    const params = {
      AccessKeyId: 'testId',
      Action: 'SendSms',
      Format: 'XML',
      OutId: '123',
      PhoneNumbers: '15300000001',
      RegionId: 'cn-hangzhou',
      SignName: '阿里云短信测试专用',
      SignatureMethod: 'HMAC-SHA1',
      SignatureNonce: '45e25e9b-0a6f-4070-8c85-2956eda1b466',
      SignatureVersion: '1.0',
      TemplateCode: 'SMS_71390007',
      TemplateParam: '{"customer":"test"}',
      Timestamp: '2017-07-12T02:42:19Z',
      Version: '2017-05-25',
    };
    expect(aliyunRpcSignature('GET', params, 'testSecret')).toBe('zJDF+Lrzhj/ThnlvIToysFRq6t4=');
    // The signature itself is never signed.
    expect(aliyunRpcSignature('GET', { ...params, Signature: 'x' }, 'testSecret')).toBe('zJDF+Lrzhj/ThnlvIToysFRq6t4=');
  });

  it('gives the DescribeRegions example of the RPC signature documentation', () => {
    const params = {
      Format: 'XML',
      AccessKeyId: 'testid',
      Action: 'DescribeRegions',
      SignatureMethod: 'HMAC-SHA1',
      SignatureNonce: '3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf',
      SignatureVersion: '1.0',
      Version: '2014-05-26',
      Timestamp: '2016-02-23T12:46:24Z',
    };
    expect(aliyunRpcSignature('GET', params, 'testsecret')).toBe('OLeaidS1JvxuMvnyHOwuJ+uX5qY=');
  });

  it('percent-encodes as RFC 3986 says: spaces %20, * %2A, ~ kept, Chinese as UTF-8', () => {
    expect(percentEncode('a b')).toBe('a%20b');
    expect(percentEncode("*!'()")).toBe('%2A%21%27%28%29');
    expect(percentEncode('~-_.')).toBe('~-_.');
    expect(percentEncode('/=&+')).toBe('%2F%3D%26%2B');
    expect(percentEncode('派')).toBe('%E6%B4%BE');
  });
});

describe('robot cells of the organisation import', () => {
  it('keeps the key of an official Webhook address, or a bare key', () => {
    expect(readRobotKey('WECOM', `https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=${WECOM_KEY}`)).toEqual({ ok: true, value: WECOM_KEY });
    expect(readRobotKey('WECOM', `  ${WECOM_KEY} `)).toEqual({ ok: true, value: WECOM_KEY });
    expect(readRobotKey('DINGTALK', `https://oapi.dingtalk.com/robot/send?access_token=${DINGTALK_TOKEN}`)).toEqual({ ok: true, value: DINGTALK_TOKEN });
    expect(readDingtalkSecret(SECRET)).toEqual({ ok: true, value: SECRET });
  });

  it.each([
    ['another host', `https://evil.example.com/cgi-bin/webhook/send?key=${WECOM_KEY}`, '只能填写 https://qyapi.weixin.qq.com'],
    ['plain http', `http://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=${WECOM_KEY}`, '只能填写'],
    ['credentials in the address', `https://a:b@qyapi.weixin.qq.com/cgi-bin/webhook/send?key=${WECOM_KEY}`, '只能填写'],
    ['another path', `https://qyapi.weixin.qq.com/cgi-bin/other?key=${WECOM_KEY}`, '只能填写'],
    ['the 钉钉 robot in the 企业微信 column', `https://oapi.dingtalk.com/robot/send?access_token=${DINGTALK_TOKEN}`, '只能填写'],
    ['no key', 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send', '不是有效的机器人地址'],
    ['a formula', `=HYPERLINK("https://evil.example.com")`, '不是有效的机器人地址'],
    ['javascript', 'javascript:alert(1)', '只能填写'],
  ])('refuses %s with a Chinese reason', (_what, cell, reason) => {
    const read = readRobotKey('WECOM', cell);
    expect(read.ok).toBe(false);
    expect(read.ok ? '' : read.message).toContain(reason);
  });

  // Length limits come before any pattern, and the patterns are linear: a backtracking one would hang on these.
  it('refuses a huge or pathological cell', () => {
    for (const cell of ['k'.repeat(1_000_000), `https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=${'a-'.repeat(200_000)}!`, `SEC${'a'.repeat(500_000)}`]) {
      expect(readRobotKey('WECOM', cell).ok).toBe(false);
      expect(readDingtalkSecret(cell).ok).toBe(false);
    }
  });
});

describe('the unit table with robot columns', () => {
  const REFERENCE: OrganisationReference = {
    current: { units: [{ code: 'WTSQ', name: '外滩社区', kind: 'COMMUNITY', robots: { wecomKey: null, dingtalkToken: null, dingtalkSecret: null } }], people: [] },
    unitsInUse: new Map(),
    importerLogin: 'office',
  };
  const people = { sheet: '人员', rows: [PEOPLE_HEADER.slice(), ['office', '张霞', '创建办', '', '', '']].map((cells, i) => ({ row: i + 1, cells: cells.map(String) })) };
  const units = (header: string[], ...rows: string[][]) => ({ sheet: '单位', rows: [header, ...rows].map((cells, i) => ({ row: i + 1, cells })) });

  it('reads the robots, plans them and writes them whole', () => {
    const parsed = parseOrganisationGrids([
      units(['单位编码', '单位名称', '单位类别', '企业微信群机器人', '钉钉群机器人', '钉钉加签密钥'], ['WTSQ', '外滩社区', '社区', WECOM_KEY, `https://oapi.dingtalk.com/robot/send?access_token=${DINGTALK_TOKEN}`, SECRET], ['BJSQ', '滨江社区', '社区', '', '', '']),
      people,
    ]);
    expect(parsed.problems).toEqual([]);
    const planned = planOrganisation(parsed.units, parsed.people, REFERENCE);
    expect(planned.problems).toEqual([]);
    const diff = diffOrganisation(REFERENCE.current, planned.organisation);
    expect(diff.write.robots).toEqual([{ unitCode: 'WTSQ', wecomKey: WECOM_KEY, dingtalkToken: DINGTALK_TOKEN, dingtalkSecret: SECRET }]);
    // A robot added to an existing unit is a change, so the import applies it.
    expect(diff.changes.some((c) => c.code === 'WTSQ')).toBe(true);
  });

  it('leaves the robots alone when the file has no robot columns', () => {
    const parsed = parseOrganisationGrids([units(['单位编码', '单位名称', '单位类别'], ['WTSQ', '外滩社区', '社区']), people]);
    const planned = planOrganisation(parsed.units, parsed.people, REFERENCE);
    const diff = diffOrganisation(REFERENCE.current, planned.organisation);
    expect(diff.write.robots).toBeNull();
    expect(diff.changes.some((c) => c.code === 'WTSQ')).toBe(false);
  });

  it('reports a bad robot cell at its row and column, and a secret without its robot', () => {
    const parsed = parseOrganisationGrids([
      units(['单位编码', '单位名称', '单位类别', '企业微信群机器人', '钉钉群机器人', '钉钉加签密钥'], ['WTSQ', '外滩社区', '社区', 'https://evil.example.com/x?key=abcdefgh12', '', SECRET]),
      people,
    ]);
    expect(parsed.problems.map((p) => [p.row, p.column, p.code])).toEqual([
      [2, '企业微信群机器人', 'BAD_VALUE'],
      [2, '钉钉加签密钥', 'BAD_VALUE'],
    ]);
  });
});

describe('robot and SMS configuration', () => {
  it('is off by default, with the official hosts for units\' robots', () => {
    const problems: { variable: string; message: string }[] = [];
    expect(loadRobotSmsConfig({}, problems)).toEqual({
      wecom: { webhookUrl: null, apiBase: 'https://qyapi.weixin.qq.com' },
      dingtalk: { webhookUrl: null, secret: null, apiBase: 'https://oapi.dingtalk.com' },
      sms: null,
    });
    expect(problems).toEqual([]);
  });

  it('names every missing or bad variable', () => {
    const problems: { variable: string; message: string }[] = [];
    loadRobotSmsConfig({ SMS_PROVIDER: 'aliyun', ALIYUN_ACCESS_KEY_ID: 'id', DINGTALK_SECRET: SECRET }, problems);
    expect(problems.map((p) => p.variable).sort()).toEqual(['ALIYUN_ACCESS_KEY_SECRET', 'ALIYUN_SMS_SIGN_NAME', 'ALIYUN_SMS_TEMPLATE_CODE', 'DINGTALK_SECRET']);
    const bad: { variable: string; message: string }[] = [];
    loadRobotSmsConfig({ WECOM_WEBHOOK_URL: 'ftp://x', SMS_PROVIDER: 'tencent', ALIYUN_SMS_TEMPLATE_CODE: 'abc' }, bad);
    expect(bad.map((p) => p.variable).sort()).toEqual(['ALIYUN_SMS_TEMPLATE_CODE', 'SMS_PROVIDER', 'WECOM_WEBHOOK_URL']);
  });
});

describe('cutUtf8', () => {
  it('cuts Chinese text to a byte limit without breaking a character', () => {
    const text = '创文'.repeat(1_000);
    const cut = cutUtf8(text, 2_000);
    expect(Buffer.byteLength(cut, 'utf8')).toBeLessThanOrEqual(2_000);
    expect(cut.endsWith('…')).toBe(true);
    expect(cutUtf8('短', 10)).toBe('短');
  });
});
