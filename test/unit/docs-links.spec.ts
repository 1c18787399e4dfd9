// The README is a two-minute read that points into docs/: every relative link in the README and docs/ must reach a
// file that exists (and, with #anchor, a heading there), so moving text between documents cannot leave dead links.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { projectRoot } from '../../src/platform/runtime/project-paths';

const root = projectRoot();
const documents = ['README.md', 'bench/README.md', ...fs.readdirSync(path.join(root, 'docs')).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`)];
const withoutCode = (text: string): string => text.replace(/```[\s\S]*?```/g, '').replace(/`[^`\n]*`/g, '');

/** GitHub's heading anchor: lower case, punctuation (also CJK punctuation such as 、) dropped, spaces to hyphens. */
function anchorOf(heading: string): string {
  return heading.trim().toLowerCase().replace(/[^\p{L}\p{N}\p{M}_\- ]/gu, '').replace(/ /g, '-');
}

function targets(text: string): string[] {
  const body = withoutCode(text);
  return [...body.matchAll(/\]\(([^)\s]+)\)/g), ...body.matchAll(/src="([^"]+)"/g)].map((m) => m[1]);
}

function anchors(file: string): Set<string> {
  const text = fs.readFileSync(file, 'utf8').replace(/```[\s\S]*?```/g, '');
  return new Set([...text.matchAll(/^#+ (.*)$/gm)].map((m) => anchorOf(m[1])));
}

describe('documentation links', () => {
  it('computes anchors as GitHub does for Chinese and English headings', () => {
    expect(anchorOf('以 root 运行 / Running as root')).toBe('以-root-运行--running-as-root');
    expect(anchorOf('登录、权限与会话 / Signing in, access and sessions')).toBe('登录权限与会话--signing-in-access-and-sessions');
  });

  it.each(documents)('%s links only to files and headings that exist', (doc) => {
    const file = path.join(root, doc);
    const dead: string[] = [];
    for (const target of targets(fs.readFileSync(file, 'utf8'))) {
      if (/^[a-z]+:/i.test(target)) continue; // http:, mailto: — not ours to check offline
      const [relative, anchor] = target.split('#');
      const resolved = relative ? path.resolve(path.dirname(file), decodeURI(relative)) : file;
      if (!fs.existsSync(resolved)) dead.push(`${target} (no file)`);
      else if (anchor && resolved.endsWith('.md') && !anchors(resolved).has(decodeURI(anchor))) dead.push(`${target} (no heading)`);
    }
    expect(dead).toEqual([]);
  });

  it('keeps the README a two-minute read: under 12 KB', () => {
    expect(fs.statSync(path.join(root, 'README.md')).size).toBeLessThan(12 * 1024);
  });
});
