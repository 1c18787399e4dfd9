// The 简报通报 tab's GraphQL documents: the list, one briefing with its history, the pre-filled draft, and every
// action (each answers with the whole briefing, so the drawer shows it as it is after the change).
export const BRIEFING_ROW = `fragment BriefingRow on Briefing {
  id kind kindLabel state stateLabel title number updatedAt publishedAt ackDueAt escalationLevel canAcknowledge
  namedUnits { unit { code name } acknowledged }
}`;

export const BRIEFING_DETAIL = `fragment BriefingDetail on Briefing {
  id kind kindLabel state stateLabel title number version createdAt updatedAt publishedAt approvalNote returnReason
  ackDays ackDueAt escalationLevel docxUrl pdfUrl pdfFileId
  sections { heading body }
  attachments { fileId name size downloadUrl }
  namedUnits { unit { code name } acknowledged acknowledgedAt acknowledgedByName note }
  history { at type label actorName note }
  canEdit canSubmit canApprove canPublish canAcknowledge
}`;

export const BRIEFINGS = `query Briefings($kind: BriefingKind, $awaiting: Boolean) { briefings(kind: $kind, awaitingMyAcknowledgement: $awaiting, first: 200) { ...BriefingRow } }
${BRIEFING_ROW}`;

export const BRIEFING = `query Briefing($id: ID!) { briefing(id: $id) { ...BriefingDetail } }
${BRIEFING_DETAIL}`;

export const BRIEFING_PREFILL = `query BriefingPrefill($kind: BriefingKind!, $month: String) { briefingPrefill(kind: $kind, month: $month) { title sections { heading body } sources } }`;

export const BRIEFING_UNITS = 'query BriefingUnits { units { code name } }';

export const CREATE_BRIEFING = `mutation CreateBriefing($input: CreateBriefingInput!) { createBriefing(input: $input) { ...BriefingDetail } }
${BRIEFING_DETAIL}`;

export const UPDATE_BRIEFING_DRAFT = `mutation UpdateBriefingDraft($id: ID!, $draft: BriefingDraftInput!, $expectedVersion: Int) { updateBriefingDraft(id: $id, draft: $draft, expectedVersion: $expectedVersion) { ...BriefingDetail } }
${BRIEFING_DETAIL}`;

export const SUBMIT_BRIEFING = `mutation SubmitBriefing($id: ID!) { submitBriefing(id: $id) { ...BriefingDetail } }
${BRIEFING_DETAIL}`;

export const APPROVE_BRIEFING = `mutation ApproveBriefing($id: ID!, $note: String) { approveBriefing(id: $id, note: $note) { ...BriefingDetail } }
${BRIEFING_DETAIL}`;

export const RETURN_BRIEFING = `mutation ReturnBriefing($id: ID!, $reason: String!) { returnBriefing(id: $id, reason: $reason) { ...BriefingDetail } }
${BRIEFING_DETAIL}`;

export const PUBLISH_BRIEFING = `mutation PublishBriefing($id: ID!) { publishBriefing(id: $id) { ...BriefingDetail } }
${BRIEFING_DETAIL}`;

export const ACKNOWLEDGE_BRIEFING = `mutation AcknowledgeBriefing($id: ID!, $note: String) { acknowledgeBriefing(id: $id, note: $note) { ...BriefingDetail } }
${BRIEFING_DETAIL}`;
