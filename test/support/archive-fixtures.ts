// Helpers of the archive tests: an upload (POST /files) as a person, a document handed in through GraphQL, a task
// driven to accepted archive materials, and a zip read back entry by entry (yauzl) with each entry's SHA-256.
import { createHash } from 'node:crypto';
import * as yauzl from 'yauzl';
import { gql, type GraphQLResponse } from './test-env';

/** Uploads as `login` (the demo header), or with a bearer token where the demo header is off. */
export async function upload(baseUrl: string, login: string, fileName: string, content: Buffer, token?: string): Promise<string> {
  const res = await fetch(`${baseUrl}/files`, {
    method: 'POST',
    headers: { 'content-type': 'application/octet-stream', 'x-file-name': encodeURIComponent(fileName), ...(token ? { authorization: `Bearer ${token}` } : { 'x-demo-user': login }) },
    body: new Uint8Array(content),
  });
  const body = (await res.json()) as { id?: string };
  if (res.status !== 201 || !body.id) throw new Error(`upload of ${fileName} by ${login} refused: ${res.status} ${JSON.stringify(body)}`);
  return body.id;
}

export const PDF = (text: string) => Buffer.from(`%PDF-1.4 ${text}`);
export const JPEG = (text: string) => Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from(text)]);

export const DOCUMENT_FIELDS = 'id title kind kindLabel state stateLabel unit { code } tags { kind code name } fileName sha256 downloadUrl source submittedByName reviewedByName returnReason rounds version canReview canResubmit';
export const PACKAGE_FIELDS = 'id state stateLabel complete warning missingCount fileCount size fileName sha256 failure downloadUrl canSubmit submittedAt submittedByName requestedByName';

export async function submitDocument(baseUrl: string, login: string, input: Record<string, unknown>) {
  return gql<{ submitArchiveDocument: Record<string, unknown> & { id: string } }>(baseUrl, login, `mutation($i: SubmitArchiveDocumentInput!) { submitArchiveDocument(input: $i) { ${DOCUMENT_FIELDS} } }`, { i: input });
}

const TASK_INPUTS: Record<string, string> = {
  submitSelfCheck: 'SubmitSelfCheckInput',
  confirmSelfCheck: 'ApproveInput',
  startArchiving: 'ApproveInput',
  submitArchiveMaterial: 'SubmitArchiveMaterialInput',
  acceptArchiveMaterial: 'AcceptArchiveMaterialInput',
};

export async function taskAction(baseUrl: string, login: string, mutation: string, input: Record<string, unknown>): Promise<GraphQLResponse<unknown>> {
  const res = await gql(baseUrl, login, `mutation($input: ${TASK_INPUTS[mutation]}!) { ${mutation}(input: $input) { id } }`, { input });
  if (res.errors) throw new Error(`${mutation} by ${login}: ${JSON.stringify(res.errors)}`);
  return res;
}

export interface ZipEntryRead {
  name: string;
  size: number;
  sha256: string;
  content: Buffer | null;
}

/** Every entry of a zip file, hashed; the content kept only for names `keep` accepts. */
export function readZip(file: string, keep: (name: string) => boolean = () => false): Promise<ZipEntryRead[]> {
  return new Promise((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true, decodeStrings: true }, (err, zip) => {
      if (err || !zip) return reject(err ?? new Error('no zip'));
      const entries: ZipEntryRead[] = [];
      zip.on('error', reject);
      zip.on('end', () => resolve(entries));
      zip.on('entry', (entry: yauzl.Entry) => {
        zip.openReadStream(entry, (e, stream) => {
          if (e || !stream) return reject(e ?? new Error('no stream'));
          const hash = createHash('sha256');
          const chunks: Buffer[] = [];
          const wanted = keep(entry.fileName);
          stream.on('data', (c: Buffer) => {
            hash.update(c);
            if (wanted) chunks.push(c);
          });
          stream.on('error', reject);
          stream.on('end', () => {
            entries.push({ name: entry.fileName, size: entry.uncompressedSize, sha256: hash.digest('hex'), content: wanted ? Buffer.concat(chunks) : null });
            zip.readEntry();
          });
        });
      });
      zip.readEntry();
    });
  });
}
