// The two functions of proxy-addr (Express's own client-address rules) that src/platform/live/graphql-ws.server.ts uses.
// Replace with @types/proxy-addr once it is installed.
declare module 'proxy-addr' {
  import type { IncomingMessage } from 'node:http';
  type Trust = (address: string, hop: number) => boolean;
  function proxyaddr(req: IncomingMessage, trust: Trust | string | string[]): string;
  namespace proxyaddr {
    function compile(value: string | string[]): Trust;
  }
  export = proxyaddr;
}
