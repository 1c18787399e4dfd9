// The GraphiQL page's start script (served by src/platform/web/graphiql.ts after React and GraphiQL's UMD builds): queries
// and mutations go to /graphql over HTTP, subscriptions over graphql-ws on the same URL. GraphiQL sends the Headers
// panel with every HTTP request and, for a subscription, as the graphql-ws connectionParams, which the API reads
// the same way (`authorization: Bearer …`).
/* global window, document, React, ReactDOM, GraphiQL */
(function () {
  'use strict';

  var DEFAULT_QUERY = [
    '# 创文工作流 GraphQL 调试台',
    '#',
    '# 1. 登录：点 ▶，选 SignIn 运行。',
    '#    演示账号：office、supervisor、leader、',
    '#    archivist、wtsq.member 等，',
    '#    密码都是 chuangwen2027。',
    '# 2. 把结果里的 accessToken 填到下方 Headers：',
    '#    {"authorization": "Bearer <accessToken>"}',
    '#    之后的请求都以该用户的身份执行；',
    '#    令牌默认 15 分钟过期，过期请重新登录。',
    '# 3. 订阅：运行 BoardChanged。Headers 的内容',
    '#    会作为 graphql-ws 的 connectionParams 发送；',
    '#    在看板或另一个标签页里提交、审核，',
    '#    变化就出现在右侧。',
    '#',
    '# Sign in (SignIn), put the header above in the',
    '# Headers panel, then run Board or BoardChanged.',
    '',
    'mutation SignIn {',
    '  signIn(input: {',
    '    login: "office"',
    '    password: "chuangwen2027"',
    '  }) {',
    '    accessToken',
    '    accessTokenExpiresAt',
    '    me { displayName role }',
    '  }',
    '}',
    '',
    'query Board {',
    '  board {',
    '    campaign { name daysToInspection }',
    '    columns {',
    '      label count',
    '      cards { id indicator { name } allowedActions }',
    '    }',
    '  }',
    '}',
    '',
    'subscription BoardChanged {',
    '  boardChanged {',
    '    eventType',
    '    task { id stage allowedActions }',
    '  }',
    '}',
    '',
  ].join('\n');

  var here = window.location;
  var fetcher = GraphiQL.createFetcher({
    url: here.origin + '/graphql',
    subscriptionUrl: (here.protocol === 'https:' ? 'wss://' : 'ws://') + here.host + '/graphql',
  });

  var container = document.getElementById('graphiql');
  // Set from script (CSSOM, which a CSP allows) rather than in a <style> element of the page.
  document.body.style.margin = '0';
  container.style.height = '100vh';
  container.textContent = '';

  ReactDOM.createRoot(container).render(
    React.createElement(
      GraphiQL,
      { fetcher: fetcher, defaultQuery: DEFAULT_QUERY, defaultEditorToolsVisibility: 'headers' },
      React.createElement(GraphiQL.Logo, null, '创文工作流 GraphQL 调试台'),
    ),
  );
})();
