// The files below a folder whose names pass a test, for the specs that check the source tree itself.
import * as fs from 'node:fs';
import * as path from 'node:path';

/** Every file below `dir`, at any depth, whose name `keep` accepts; in the order the folders list them. */
export function filesUnder(dir: string, keep: (name: string) => boolean): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return filesUnder(full, keep);
    return keep(entry.name) ? [full] : [];
  });
}
