// 牵头协调 (工作组 tab): a lead unit's meetings with the responsible units of the indicators it leads.

const DECISION = 'text unit { code name } dueDate item { id stateLabel unit { name } } task { id indicator { code name } unit { name } }';

const MEETING = `id kind date title attendees minutes recordedAt convener { code name } units { code name } recordedBy { displayName } decisions { ${DECISION} }`;

export const LEAD_MEETINGS = `query LeadMeetings { campaign { id leadScope { unit { code name } units { code name } tasks { id indicatorCode indicatorName unit { code name } stage } } meetings { ${MEETING} } } }`;

export const RECORD_LEAD_MEETING = `mutation RecordLeadUnitMeeting($input: RecordLeadUnitMeetingInput!) { recordLeadUnitMeeting(input: $input) { ${MEETING} } }`;
