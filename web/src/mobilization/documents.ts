// 动员部署 (mobilization): the documents with their per-unit status matrix, and the office's and the units' actions.
const RESPONSE = `fragment MobilizationRow on MobilizationResponse {
  id documentId unit { code name } acknowledged acknowledgedAt review reviewLabel returnReason returns overdueLevel overdueLabel missing allowedActions version
  plan { summary submittedAt file { name size downloadUrl } }
  group { leader members phone registeredAt }
}`;

const DOCUMENT = `fragment MobilizationDoc on MobilizationDocument {
  id kind kindLabel title summary requiresPlan requiresGroup dueAt issuedAt due file { name size downloadUrl }
  responses { ...MobilizationRow }
}
${RESPONSE}`;

export const MOBILIZATION_DOCUMENTS = `query MobilizationDocuments { mobilizationDocuments(first: 50) { ...MobilizationDoc } }
${DOCUMENT}`;

export const MOBILIZATION_UNITS = `query MobilizationUnits { units { code name } }`;

export const ISSUE_MOBILIZATION = `mutation IssueMobilization($input: IssueMobilizationDocumentInput!) { issueMobilizationDocument(input: $input) { ...MobilizationDoc } }
${DOCUMENT}`;

export const ACKNOWLEDGE_MOBILIZATION = `mutation AcknowledgeMobilization($id: ID!, $note: String) { acknowledgeMobilization(responseId: $id, note: $note) { ...MobilizationRow } }
${RESPONSE}`;

export const SUBMIT_MOBILIZATION_PLAN = `mutation SubmitMobilizationPlan($id: ID!, $fileId: ID!, $summary: String!) { submitMobilizationPlan(responseId: $id, fileId: $fileId, summary: $summary) { ...MobilizationRow } }
${RESPONSE}`;

export const REGISTER_MOBILIZATION_GROUP = `mutation RegisterMobilizationGroup($id: ID!, $group: MobilizationGroupInput!) { registerMobilizationGroup(responseId: $id, group: $group) { ...MobilizationRow } }
${RESPONSE}`;

export const APPROVE_MOBILIZATION = `mutation ApproveMobilization($id: ID!, $note: String) { approveMobilization(responseId: $id, note: $note) { ...MobilizationRow } }
${RESPONSE}`;

export const RETURN_MOBILIZATION = `mutation ReturnMobilization($id: ID!, $reason: String!) { returnMobilization(responseId: $id, reason: $reason) { ...MobilizationRow } }
${RESPONSE}`;
