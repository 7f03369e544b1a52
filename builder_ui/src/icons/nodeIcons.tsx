// Each node type's icon in the editor (palette, canvas card, node search, settings panel). The node catalogue
// still carries an emoji `icon` for other clients; the editor draws these SVGs, which every machine can show.
import { Icon, type IconName } from "./Icon";

const NODE_ICONS: Record<string, IconName> = {
  "trigger.appointment_booked": "calendar",
  "trigger.appointment_cancelled": "ban",
  "trigger.appointment_attended": "clinic",
  "trigger.appointment_no_show": "calendarX",
  "trigger.procedure_completed": "stethoscope",
  "trigger.consent_granted": "check",
  "trigger.patient_created": "userPlus",
  "trigger.schedule": "alarm",
  "trigger.manual": "cursor",
  "wait.duration": "hourglass",
  "wait.until": "calendarDay",
  "branch.condition": "branch",
  "branch.consent": "shield",
  "send.alimtalk": "chat",
  "send.sms": "mail",
  "send.friendtalk": "megaphone",
  "notify.staff": "bell",
  "patient.tag": "tag",
  end: "flag",
};

/** The icon of a node type; an unknown type (a newer server's node) gets a question mark. */
export function NodeIcon({ type }: { type: string }) {
  return <Icon name={NODE_ICONS[type] ?? "help"} className="node-icon" />;
}
