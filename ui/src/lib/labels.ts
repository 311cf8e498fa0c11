// Keys of the i18n dictionary for the values of domain enums.
import type { Bucket, DirectiveStatus, MeetingKind, MeetingStatus, UnitKind } from "./api";

export const unitKinds: UnitKind[] = ["department", "office", "division", "center", "inspectorate", "district", "external", "other"];
export const meetingKinds: MeetingKind[] = ["monthly_briefing", "conference", "working_session", "online_briefing", "other"];

export const unitKindKey = (k: UnitKind) => `unit_kind.${k}`;
export const meetingKindKey = (k: MeetingKind) => `meeting_kind.${k}`;
export const meetingStatusKey = (s: MeetingStatus) => `meeting_status.${s}`;
export const directiveStatusKey = (s: DirectiveStatus) => `directive_status.${s}`;
export const bucketKey = (b: Bucket | null) => `bucket.${b ?? "none"}`;
