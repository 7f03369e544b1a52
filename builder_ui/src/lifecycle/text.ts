// Words of the lifecycle screens (status, publish dialog, runs monitor), Korean first, English second. Kept
// beside the screens so parallel work on the shared dictionaries does not collide.
import { useLang } from "../i18n";
import { interpolate } from "../i18n/interpolate";

const TEXT = {
  "status.draft": ["초안", "Draft"],
  "status.active": ["운영 중", "Active"],
  "status.paused": ["일시정지", "Paused"],
  "status.archived": ["보관됨", "Archived"],
  "archived.notice": [
    "보관된 워크플로입니다. 고치거나 게시하려면 먼저 보관을 해제하세요.",
    "This workflow is archived. Unarchive it to edit or publish it.",
  ],
  "filter.label": ["상태로 보기", "Show by status"],
  "filter.current": ["사용 중", "In use"],
  "filter.all": ["전체", "All"],
  "filter.empty": ["이 상태의 워크플로가 없습니다.", "No workflow has this status."],
  pause: ["일시정지", "Pause"],
  resume: ["재개", "Resume"],
  archive: ["보관", "Archive"],
  unarchive: ["보관 해제", "Unarchive"],
  "confirm.pause": [
    "일시정지하면 새 환자를 등록하지 않고, 대기 중인 발송은 재개할 때까지 보류됩니다. 계속할까요?",
    "Pausing enrols no new patients and holds pending sends until you resume. Continue?",
  ],
  "confirm.archive": [
    "보관하면 진행 중인 실행과 아직 보내지 않은 메시지가 모두 취소됩니다(기록은 남습니다). 계속할까요?",
    "Archiving cancels every open run and unsent message (history is kept). Continue?",
  ],
  "done.pause": ["일시정지했습니다. 대기 중인 발송은 보류됩니다.", "Paused: pending sends are held."],
  "done.resume": ["재개했습니다. 보류된 발송이 한 번씩 나갑니다.", "Resumed: held sends go out once."],
  "done.archive": ["보관했습니다. 미발송 메시지는 취소되었습니다.", "Archived: unsent messages were cancelled."],
  "done.unarchive": ["보관을 해제했습니다(초안).", "Unarchived (now a draft)."],
  "publish.title": ["게시 확인", "Confirm publishing"],
  "publish.trigger": ["시작 조건", "Trigger"],
  "publish.enrol": ["다음 7일 예상 등록 환자", "Patients the next 7 days would enrol"],
  "publish.enrolUnit": ["명", "patients"],
  "publish.atMost": ["최대", "at most"],
  "publish.noForecast": ["예측 없음", "no forecast"],
  "publish.first": ["각 환자가 처음 받는 메시지", "What each patient receives first"],
  "publish.noSend": ["보내는 메시지가 없습니다", "No message is sent"],
  "publish.overlap": ["같은 시작 조건의 다른 워크플로", "Other live workflows on the same trigger"],
  "publish.sameFilter": ["같은 조건", "same filter"],
  "publish.confirm": ["게시", "Publish"],
  "publish.cancel": ["취소", "Cancel"],
  "publish.loading": ["영향을 계산하는 중…", "Working out the impact…"],
  "versions.restore": ["이 버전을 초안으로 복원", "Restore as draft"],
  "versions.diff": ["초안과 비교", "Compare with draft"],
  "versions.restored": ["버전 {version}을(를) 초안으로 복원했습니다", "Restored version {version} as the draft"],
  "versions.confirmRestore": [
    "현재 초안을 버전 {version}의 내용으로 바꿉니다. 운영 중인 버전은 다시 게시할 때까지 그대로입니다. 계속할까요?",
    "The draft becomes version {version}'s content. The live version runs on until you publish again. Continue?",
  ],
  "diff.title": ["버전 {base} → {target} 변경 사항", "Changes {base} → {target}"],
  "diff.none": ["차이가 없습니다", "No differences"],
  "diff.added": ["추가", "added"],
  "diff.removed": ["삭제", "removed"],
  "diff.changed": ["변경", "changed"],
  "runs.title": ["실행 모니터", "Runs monitor"],
  "runs.workflow": ["워크플로", "Workflow"],
  "runs.allWorkflows": ["모든 워크플로", "All workflows"],
  "runs.allStatuses": ["모든 상태", "All statuses"],
  "runs.allPatients": ["모든 환자", "All patients"],
  "runs.patient": ["환자", "Patient"],
  "runs.status": ["상태", "Status"],
  "runs.started": ["시작", "Started"],
  "runs.next": ["다음 발송", "Next send"],
  "runs.held": ["보류(일시정지)", "held (paused)"],
  "runs.empty": ["실행이 없습니다", "No runs"],
  "runs.live": ["자동 새로고침", "Live refresh"],
  "runs.refresh": ["⟳ 새로고침", "⟳ Refresh"],
  "runs.stop": ["실행 중지", "Stop run"],
  "runs.confirmStop": [
    "이 실행을 중지할까요? 대기와 아직 보내지 않은 메시지가 취소됩니다.",
    "Stop this run? Its waits and unsent messages are cancelled.",
  ],
  "runs.stopped": ["실행을 중지했습니다", "Run stopped"],
  "runs.cancelMessage": ["발송 취소", "Cancel send"],
  "runs.retryMessage": ["다시 보내기", "Retry"],
  "runs.messageCancelled": ["메시지 발송을 취소했습니다", "Message cancelled"],
  "runs.messageRetried": ["메시지를 다시 보냅니다", "Message queued again"],
  "runs.node": ["단계", "Step"],
  "runs.time": ["시각", "Time"],
  "runs.delivery": ["발송", "Delivery"],
  "runs.trigger": ["계기", "Trigger"],
} as const;

export type LifecycleKey = keyof typeof TEXT;

export function lifecycleText(lang: string, key: LifecycleKey, vars?: Record<string, string | number>): string {
  const text: string = TEXT[key][lang === "en" ? 1 : 0];
  if (!vars) return text;
  return interpolate(text, vars);
}

export function useLifecycleText(): (key: LifecycleKey, vars?: Record<string, string | number>) => string {
  const lang = useLang((s) => s.lang);
  return (key, vars) => lifecycleText(lang, key, vars);
}
