// 宣传台账 (the 宣传组's publicity ledger): entries filtered by community, channel, month and indicator, with the counts
// per community, channel and month; the office's record, correct and void; filing a photo in the archive library; the
// Excel export.

const ENTRY = `id channel channelLabel location unit { code name } count heldOn month indicatorCodes note voided voidReason
  recordedAt recordedByName correctedAt corrections lastReason photos { sha256 name size url archived }`;
const COUNT = 'key label entries count';

export const PUBLICITY_LEDGER = `query PublicityLedger($filter: PublicityFilter) {
  publicityLedger(filter: $filter) {
    campaignId totalEntries totalCount canManage
    communities { code name }
    byCommunity { ${COUNT} }
    byChannel { ${COUNT} }
    byMonth { ${COUNT} }
    entries { ${ENTRY} }
  }
}`;

export const RECORD_PUBLICITY_ENTRY = `mutation RecordPublicityEntry($input: RecordPublicityEntryInput!) { recordPublicityEntry(input: $input) { id } }`;

export const CORRECT_PUBLICITY_ENTRY = `mutation CorrectPublicityEntry($input: CorrectPublicityEntryInput!) { correctPublicityEntry(input: $input) { id corrections } }`;

export const VOID_PUBLICITY_ENTRY = `mutation VoidPublicityEntry($id: ID!, $reason: String!) { voidPublicityEntry(id: $id, reason: $reason) { id voided } }`;

export const ARCHIVE_PUBLICITY_PHOTO = `mutation ArchivePublicityPhoto($entryId: ID!, $sha256: String!) { archivePublicityPhoto(entryId: $entryId, sha256: $sha256) { id title } }`;

export const EXPORT_PUBLICITY_LEDGER = `query ExportPublicityLedger($filter: PublicityFilter) { exportPublicityLedger(format: XLSX, filter: $filter) { fileName mimeType contentBase64 } }`;
