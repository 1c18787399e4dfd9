// The 档案库 tab: the archive library (documents, 验收/退回, resubmission) and the archive packages (build, download, 送审).

const DOCUMENT = `id title kind kindLabel state stateLabel unit { code name } tags { kind code name } fileName fileSize downloadUrl source
  submittedByName submittedAt reviewedByName reviewedAt returnReason rounds version canReview canResubmit`;

const PACKAGE = `id state stateLabel complete warning missingCount fileCount size fileName sha256 failure requestedByName requestedAt builtAt
  submittedAt submittedByName downloadUrl canSubmit`;

export const ARCHIVE_DOCUMENTS = `query ArchiveDocuments { archiveDocuments(first: 200) { ${DOCUMENT} } }`;

export const ARCHIVE_PACKAGES = `query ArchivePackages { archivePackages(first: 20) { ${PACKAGE} } }`;

export const SUBMIT_ARCHIVE_DOCUMENT = `mutation SubmitArchiveDocument($input: SubmitArchiveDocumentInput!) { submitArchiveDocument(input: $input) { ${DOCUMENT} } }`;

export const ACCEPT_ARCHIVE_DOCUMENT = `mutation AcceptArchiveDocument($id: ID!, $note: String) { acceptArchiveDocument(id: $id, note: $note) { ${DOCUMENT} } }`;

export const RETURN_ARCHIVE_DOCUMENT = `mutation ReturnArchiveDocument($id: ID!, $reason: String!) { returnArchiveDocument(id: $id, reason: $reason) { ${DOCUMENT} } }`;

export const RESUBMIT_ARCHIVE_DOCUMENT = `mutation ResubmitArchiveDocument($input: ResubmitArchiveDocumentInput!) { resubmitArchiveDocument(input: $input) { ${DOCUMENT} } }`;

export const EXPORT_ARCHIVE_PACKAGE = `mutation ExportArchivePackage { exportArchivePackage { ${PACKAGE} } }`;

export const SUBMIT_ARCHIVE_PACKAGE = `mutation SubmitArchivePackage($id: ID!, $note: String) { submitArchivePackage(id: $id, note: $note) { ${PACKAGE} } }`;
