#!/usr/bin/env node
// `npm run webhook:receiver [端口]`: a tiny local receiver for the generic webhook (issue 16), to watch notifications
// arrive: start it, then `NOTIFY_WEBHOOK_URL=http://127.0.0.1:8787/ npm start`. Prints each notification in Chinese;
// checks the signature when NOTIFY_WEBHOOK_SECRET is set here too; counts a repeated Idempotency-Key as a repeat.
'use strict';
const http = require('node:http');
const crypto = require('node:crypto');
const { Buffer } = require('node:buffer');

const port = Number(process.argv[2] || process.env.WEBHOOK_RECEIVER_PORT || 8787);
const secret = process.env.NOTIFY_WEBHOOK_SECRET || null;
const MAX_BODY = 64 * 1024;
const KINDS = { ESCALATION: '督办', APPROVAL_REQUEST: '待审批', RETURNED: '退回', EXTENSION_DECISION: '延期结果', ITEM_ASSIGNED: '新整改问题' };
const seen = new Set();
let count = 0;

const server = http.createServer((req, res) => {
  if (req.method !== 'POST') {
    res.writeHead(405, { allow: 'POST' }).end();
    return;
  }
  const chunks = [];
  let size = 0;
  req.on('data', (c) => {
    size += c.length;
    if (size > MAX_BODY) req.destroy();
    else chunks.push(c);
  });
  req.on('end', () => {
    const raw = Buffer.concat(chunks).toString('utf8');
    let body;
    try {
      body = JSON.parse(raw);
    } catch {
      res.writeHead(400).end('不是 JSON');
      return;
    }
    const key = req.headers['idempotency-key'] || body.id;
    let signature = '未签名';
    if (secret) {
      const expected = `sha256=${crypto.createHmac('sha256', secret).update(raw).digest('hex')}`;
      const given = String(req.headers['x-chuangwen-signature'] || '');
      const ok = given.length === expected.length && crypto.timingSafeEqual(Buffer.from(given), Buffer.from(expected));
      if (!ok) {
        console.log(`✗ 签名不符，已拒收（401） ${key}`);
        res.writeHead(401).end('签名不符');
        return;
      }
      signature = '签名正确';
    }
    const repeat = seen.has(key);
    seen.add(key);
    count += repeat ? 0 : 1;
    const time = new Date(body.createdAt || Date.now()).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });
    const card = body.taskId ? `任务 ${body.taskId}` : body.itemId ? `整改问题 ${body.itemId}` : '';
    console.log(
      [
        `${repeat ? '↺ 重复（同一幂等键，已忽略）' : `● 第 ${count} 条`} ${body.urgent ? '【紧急】' : ''}${KINDS[body.kind] || body.kind}  ${time}  （${signature}）`,
        `  收件人：${body.recipientName || ''}（${body.recipientLogin}${body.recipientPhone ? `，${body.recipientPhone}` : ''}）`,
        `  标题：${body.title}`,
        `  正文：${body.text}`,
        card ? `  卡片：${card}` : null,
        '',
      ]
        .filter((line) => line !== null)
        .join('\n'),
    );
    res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' }).end('已收到');
  });
});

server.listen(port, '127.0.0.1', () => {
  console.log(`通知接收器已启动：http://127.0.0.1:${port}/  ${secret ? '（校验签名）' : ''}`);
  console.log(`另开一个终端运行：NOTIFY_WEBHOOK_URL=http://127.0.0.1:${port}/ npm start`);
  console.log('按 Ctrl+C 退出。\n');
});
